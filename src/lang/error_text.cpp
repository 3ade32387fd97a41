// Rendering of located errors: "file:line:col: Kind: message", the source line, a caret.
#include "lang/error_text.h"

#include "lang/pack.h"
#include "support/utf8.h"

namespace ml {

std::string render_error(const LanguagePack& pack, const std::string& kind, const std::string& message,
                         const SourceFile* source, Loc loc) {
  std::string kind_name = pack.message("kind." + kind);
  if (kind_name.empty() || kind_name == "kind." + kind) kind_name = kind;
  std::string out;
  if (source) {
    out += source->path;
    if (loc.line > 0) out += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
    out += ": ";
  }
  out += kind_name;
  if (!message.empty()) out += ": " + utf8::escape_for_terminal(message);
  out += "\n";
  if (source && loc.line > 0) {
    std::string_view line = source->line_text(loc.line);
    // The line is echoed with control characters escaped; the caret stands under column
    // `loc.col` (counted in code points) as a terminal shows it: tabs kept, wide characters
    // two columns, combining marks none, an escape as wide as its text.
    std::string caret;
    int col = 1;
    for (size_t i = 0; i < line.size() && col < loc.col; col++) {
      utf8::Decoded d = utf8::decode(line, i);
      i += size_t(d.len);
      if (d.ok && d.cp == '\t') caret += '\t';
      else if (!d.ok) caret += "    ";
      else if (std::string e = utf8::escape_of(d.cp); !e.empty()) caret += std::string(e.size(), ' ');
      else caret += std::string(size_t(utf8::display_width(d.cp)), ' ');
    }
    out += "    " + utf8::escape_for_terminal(line) + "\n    " + caret + "^\n";
  }
  return out;
}

std::string render(const CompileError& e, const LanguagePack& pack) {
  std::map<std::string, std::string> args = e.args;
  return render_error(pack, e.kind, pack.message(e.message_id, args), e.source.get(), e.loc);
}

}  // namespace ml
