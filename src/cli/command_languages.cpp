// `multilingual languages`: the installed language packs.
#include <fmt/format.h>

#include "cli/commands.h"

namespace ml::cli {

int cmd_languages(const Options&) {
  const auto& reg = LanguageRegistry::instance();
  for (const auto& code : reg.codes()) {
    const auto* p = reg.find(code);
    fmt::print("{:4} {} ({})\n", code, p->name, p->english_name);
  }
  return 0;
}

}  // namespace ml::cli
