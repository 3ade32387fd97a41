// `multilingual translate`: token-level re-rendering, so comments and layout survive.
#include "lex/translate.h"

#include "lex/lexer.h"
#include "support/utf8.h"

namespace ml {

std::string translate_source(std::shared_ptr<const SourceFile> src, const LanguagePack& from,
                             const LanguagePack& to) {
  auto toks = tokenize(src, from);
  KeywordTable target_keywords(to);
  const LanguagePack& en = LanguageRegistry::instance().english();
  std::string out;
  size_t last = 0;
  const std::string& text = src->text;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind != Tok::Keyword && t.kind != Tok::Name) continue;
    std::string replacement;
    if (t.kind == Tok::Keyword) {
      replacement = to.preferred(t.kw);
    } else {
      bool after_dot = i > 0 && toks[i - 1].is_op(".");
      bool keyword_arg = i + 1 < toks.size() && toks[i + 1].is_op("=") && i > 0 &&
                         (toks[i - 1].is_op("(") || toks[i - 1].is_op(","));
      replacement = t.text;
      if (!after_dot && !keyword_arg) {
        // A builtin, spelled in the source language or canonically: use the target's spelling.
        std::string canonical;
        if (auto it = from.builtins.find(t.text); it != from.builtins.end()) canonical = it->second;
        else if (en.builtin_preferred.count(t.text)) canonical = t.text;
        if (!canonical.empty()) {
          auto pt = to.builtin_preferred.find(canonical);
          replacement = pt != to.builtin_preferred.end() ? pt->second : canonical;
        }
      }
      if (replacement == t.text && target_keywords.candidates(utf8::nfc(t.text))) replacement += "_";
    }
    out.append(text, last, t.begin - last);
    out += replacement;
    last = t.end;
  }
  out.append(text, last, std::string::npos);
  return out;
}

}  // namespace ml
