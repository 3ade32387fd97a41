#include "support/source.h"

namespace ml {

std::string_view SourceFile::line_text(int line) const {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') end--;
  return std::string_view(text).substr(start, end - start);
}

}  // namespace ml
