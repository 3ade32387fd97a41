// Source text and positions shared by every stage.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace ml {

struct SourceFile {
  std::string path;  // as given by the user; "<stdin>", "<repl>", "<string>" otherwise
  std::string text;  // validated UTF-8
  // The text of line `line` (1-based), without its newline.
  std::string_view line_text(int line) const;
};

struct Loc {
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based, in code points
};

}  // namespace ml
