// `multilingual translate`: token-level re-rendering, so comments and layout survive.
// Word-order surface patterns (e.g. Japanese "範囲(6) 内の 各 i に対して:") are re-rendered in
// the target language's normal order, since their literal words exist only in the source.
#include "lex/translate.h"

#include <algorithm>

#include "lex/lexer.h"
#include "parse/parser.h"
#include "support/utf8.h"

namespace ml {

using ast::SurfaceUse;

namespace {

class Translator {
 public:
  Translator(std::shared_ptr<const SourceFile> src, const LanguagePack& from, const LanguagePack& to)
      : src_(std::move(src)), text_(src_->text), from_(from), to_(to), target_keywords_(to),
        en_(LanguageRegistry::instance().english()) {
    toks_ = tokenize(src_, from_);
    uses_ = parse_program(src_, from_).surface_uses;
    std::sort(uses_.begin(), uses_.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  }

  std::string run() {
    std::string out;
    size_t last = 0;
    emit_range(0, text_.size(), last, out, true);
    out.append(text_, last, std::string::npos);
    return out;
  }

 private:
  std::shared_ptr<const SourceFile> src_;
  const std::string& text_;
  const LanguagePack& from_;
  const LanguagePack& to_;
  KeywordTable target_keywords_;
  const LanguagePack& en_;
  std::vector<Token> toks_;
  std::vector<SurfaceUse> uses_;

  // The translated text of the bytes [b, e) of the source.
  std::string slot_text(size_t b, size_t e) {
    std::string out;
    size_t last = b;
    emit_range(b, e, last, out, false);
    out.append(text_, last, e - last);
    return out;
  }

  // Appends source text up to each token in [b, e) and the token's translation.
  void emit_range(size_t b, size_t e, size_t& last, std::string& out, bool headers) {
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.begin < b || t.end > e || t.end == t.begin) continue;
      if (t.begin < last) continue;
      if (const SurfaceUse* u = headers ? use_at(t.begin) : nullptr) {
        out.append(text_, last, t.begin - last);
        out += header(*u);
        last = u->end;
        continue;
      }
      if (t.kind != Tok::Keyword && t.kind != Tok::Name) continue;
      out.append(text_, last, t.begin - last);
      out += word(i);
      last = t.end;
    }
  }

  const SurfaceUse* use_at(size_t begin) const {
    for (const auto& u : uses_)
      if (u.begin == begin) return &u;
    return nullptr;
  }

  std::string slot(const SurfaceUse& u, const char* name) {
    for (const auto& [n, r] : u.slots)
      if (n == name) return slot_text(r.first, r.second);
    return "";
  }

  std::string header(const SurfaceUse& u) {
    if (u.normalize_to == "for")
      return to_.preferred(Concept::For) + " " + slot(u, "target") + " " + to_.preferred(Concept::In) + " " +
             slot(u, "iterable") + ":";
    if (u.normalize_to == "while") return to_.preferred(Concept::While) + " " + slot(u, "condition") + ":";
    if (u.normalize_to == "if") return to_.preferred(Concept::If) + " " + slot(u, "condition") + ":";
    return to_.preferred(Concept::With) + " " + slot(u, "context") + ":";
  }

  std::string word(size_t i) {
    const Token& t = toks_[i];
    if (t.kind == Tok::Keyword) return to_.preferred(t.kw);
    bool after_dot = i > 0 && toks_[i - 1].is_op(".");
    bool keyword_arg = i + 1 < toks_.size() && toks_[i + 1].is_op("=") && i > 0 &&
                       (toks_[i - 1].is_op("(") || toks_[i - 1].is_op(","));
    std::string r = t.text;
    if (!after_dot && !keyword_arg) {
      // A builtin, spelled in the source language or canonically: use the target's spelling.
      std::string canonical;
      if (auto it = from_.builtins.find(t.text); it != from_.builtins.end()) canonical = it->second;
      else if (en_.builtin_preferred.count(t.text)) canonical = t.text;
      if (!canonical.empty()) {
        auto pt = to_.builtin_preferred.find(canonical);
        r = pt != to_.builtin_preferred.end() ? pt->second : canonical;
      }
    }
    // A name that is a keyword in the target language would change meaning: rename it.
    if (r == t.text && target_keywords_.candidates(utf8::nfc(t.text))) r += "_";
    return r;
  }
};

}  // namespace

std::string translate_source(std::shared_ptr<const SourceFile> src, const LanguagePack& from,
                             const LanguagePack& to) {
  return Translator(std::move(src), from, to).run();
}

}  // namespace ml
