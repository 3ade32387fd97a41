// Deciding when the REPL has a whole statement, the way Python's interactive prompt does.
#include "cli/repl_input.h"

#include "lex/lexer.h"
#include "parse/parser.h"

namespace ml::cli {

bool needs_more_input(const std::string& buffer, const LanguagePack& pack) {
  // The last line typed, and whether it is empty (an empty line closes a block).
  size_t end = buffer.size();
  while (end > 0 && buffer[end - 1] == '\n') end--;
  size_t nl = buffer.rfind('\n', end ? end - 1 : 0);
  std::string last = buffer.substr(nl == std::string::npos || end == 0 ? 0 : nl + 1, end - (nl == std::string::npos || end == 0 ? 0 : nl + 1));
  bool multi_line = buffer.find('\n') < end;
  bool ended_with_blank = buffer.size() >= 2 && buffer.compare(buffer.size() - 2, 2, "\n\n") == 0;
  auto src = std::make_shared<SourceFile>();
  src->path = "<repl>";
  src->text = buffer;
  try {
    std::optional<UnclosedBracket> open;
    auto toks = tokenize(src, pack, &open);
    if (open) {
      // An open bracket waits for more unless the parser finds an error before it matters
      // (`def f(:`), the same choice a whole program gets.
      try {
        parse_program(src, pack);
      } catch (const CompileError& e) {
        return e.message_id == "syntax.never_closed";
      }
      return false;
    }
    // Last real token before the final NEWLINE/DEDENT/END.
    for (auto it = toks.rbegin(); it != toks.rend(); ++it) {
      if (it->kind == Tok::Newline || it->kind == Tok::Dedent || it->kind == Tok::End) continue;
      if (it->is_op(":") && !ended_with_blank) return true;
      break;
    }
  } catch (const CompileError& e) {
    // An open triple-quoted string reaches the end of the text: wait for more (at the end of
    // input the chunk runs and reports it). Any other error is reported when the chunk runs.
    return e.message_id == "syntax.unterminated_triple";
  }
  // Inside a block: continue until an empty line.
  if (multi_line && !ended_with_blank && (last.empty() ? false : (last[0] == ' ' || last[0] == '\t'))) return true;
  return false;
}

}  // namespace ml::cli
