// `multilingual translate`: token-level re-rendering, so comments and layout survive.
// Word-order surface patterns (e.g. Japanese "範囲(6) 内の 各 i に対して:") are re-rendered in
// the target language's normal order, since their literal words exist only in the source.
#include "translate/translate.h"

#include <algorithm>
#include <set>

#include "lex/lexer.h"
#include "parse/fstring_scan.h"
#include "parse/parser.h"
#include "support/utf8.h"

namespace ml {

using ast::SurfaceUse;

namespace {

// The names a program binds (assignments, definitions, parameters, `import ... as`, loop and
// with targets...): they are the program's own, never builtins, even when spelled like one.
// Methods and class attributes are attributes, not names, and are left out.
struct BoundNames {
  std::set<std::string> names, params;
  // Where class bodies define attributes: a method's `def`, a class attribute's name.
  std::set<std::pair<int, int>> attr_at;
  void target(const ast::Expr* e) {
    if (!e) return;
    if (e->kind == ast::ExprKind::Name) names.insert(e->name);
    else if (e->kind == ast::ExprKind::Starred) target(e->a.get());
    else if (e->kind == ast::ExprKind::Tuple || e->kind == ast::ExprKind::List)
      for (const auto& x : e->items) target(x.get());
    expr(e);
  }
  void param_list(const ast::Params* p) {
    if (!p) return;
    auto one = [&](const ast::Param& x) {
      names.insert(x.name);
      params.insert(x.name);
      expr(x.default_value.get());
    };
    for (const auto& x : p->posonly) one(x);
    for (const auto& x : p->args) one(x);
    for (const auto& x : p->kwonly) one(x);
    if (p->vararg) one(*p->vararg);
    if (p->kwarg) one(*p->kwarg);
  }
  void expr(const ast::Expr* e) {
    if (!e) return;
    if (e->kind == ast::ExprKind::NamedExpr) names.insert(e->name);
    if (e->kind == ast::ExprKind::Lambda) param_list(e->params.get());
    for (const ast::Expr* c : {e->a.get(), e->b.get(), e->c.get()}) expr(c);
    for (const auto& x : e->items) expr(x.get());
    for (const auto& x : e->values) expr(x.get());
    for (const auto& a : e->args) expr(a.value.get());
    for (const auto& g : e->gens) {
      target(g.target.get());
      expr(g.iter.get());
      for (const auto& x : g.ifs) expr(x.get());
    }
  }
  void body(const ast::Body& b, bool class_body) {
    for (const auto& s : b) stmt(*s, class_body);
  }
  void stmt(const ast::Stmt& s, bool class_body) {
    using K = ast::StmtKind;
    if (!class_body || (s.kind != K::FunctionDef && s.kind != K::Assign && s.kind != K::AnnAssign)) {
      for (const auto& t : s.targets) target(t.get());
      if (s.kind == K::FunctionDef || s.kind == K::ClassDef) names.insert(s.name);
    } else {
      if (s.kind == K::FunctionDef) attr_at.insert({s.loc.line, s.loc.col});
      for (const auto& t : s.targets) {
        if (t->kind == ast::ExprKind::Name) attr_at.insert({t->loc.line, t->loc.col});
        expr(t.get());
      }
    }
    for (const auto& a : s.names) {
      if (s.kind == K::Global || s.kind == K::Nonlocal) names.insert(a.name);
      else if (!a.asname.empty()) names.insert(a.asname);  // `import x` must keep x's spelling
    }
    param_list(s.params.get());
    for (const ast::Expr* e : {s.value.get(), s.iter.get(), s.extra.get(), s.returns.get()}) expr(e);
    for (const auto& d : s.decorators) expr(d.get());
    for (const auto& a : s.bases) expr(a.value.get());
    for (const auto& w : s.items) {
      expr(w.context.get());
      target(w.target.get());
    }
    for (const auto& h : s.handlers) {
      if (!h.name.empty()) names.insert(h.name);
      expr(h.type.get());
      body(h.body, false);
    }
    body(s.body, s.kind == K::ClassDef);
    body(s.orelse, false);
    body(s.finalbody, false);
    for (const auto& c : s.cases) body(c.body, false);
  }
};

class Translator {
 public:
  // `bound`: the whole program's (an f-string's expressions are translated on their own).
  Translator(std::shared_ptr<const SourceFile> src, const LanguagePack& from, const LanguagePack& to,
             const BoundNames* bound = nullptr)
      : src_(std::move(src)), text_(src_->text), from_(from), to_(to), target_keywords_(to),
        en_(LanguageRegistry::instance().english()) {
    toks_ = tokenize(src_, from_);
    ast::Module m = parse_program(src_, from_);
    uses_ = std::move(m.surface_uses);
    std::sort(uses_.begin(), uses_.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    if (!bound) {
      own_bound_.body(m.body, false);
      bound = &own_bound_;
    }
    bound_ = bound;
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
  BoundNames own_bound_;
  const BoundNames* bound_ = nullptr;

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
      if (t.kind == Tok::Str && t.is_fstring) {
        out.append(text_, last, t.begin - last);
        out += fstring(t);
        last = t.end;
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

  // An f-string with the expressions of its {...} translated (the literal text is kept).
  std::string fstring(const Token& t) {
    std::string tok = text_.substr(t.begin, t.end - t.begin);
    size_t q = tok.find_first_of("'\"");
    if (q == std::string::npos) return tok;
    size_t ql = tok.compare(q, 3, std::string(3, tok[q])) == 0 && tok.size() >= q + 6 ? 3 : 1;
    if (tok.size() < q + 2 * ql) return tok;
    return tok.substr(0, q + ql) + fstring_body(tok.substr(q + ql, tok.size() - q - 2 * ql)) + tok.substr(tok.size() - ql);
  }

  // An f-string body split as the parser splits it (parse/fstring_scan.h): {{ and }} are
  // text; a format spec may nest {expr}.
  std::string fstring_body(const std::string& b) {
    std::string out;
    size_t i = 0;
    while (i < b.size()) {
      if ((b[i] == '{' || b[i] == '}') && i + 1 < b.size() && b[i + 1] == b[i]) {
        out += b.substr(i, 2);
        i += 2;
        continue;
      }
      if (b[i] != '{') {
        out += b[i++];
        continue;
      }
      out += b[i++];
      size_t start = i;
      i = std::min(fstring::expression_end(b, i), b.size());
      std::string e = b.substr(start, i - start);
      size_t tail = fstring::self_documenting_equals(e);
      bool self_doc = tail != fstring::npos;
      if (!self_doc) out += snippet(e);
      else if (std::string x = snippet(e.substr(0, tail)); x == e.substr(0, tail)) out += e;
      else {
        // {x=} shows the expression's text: keep showing the original one, before the value
        out.pop_back();
        for (char c : e) out += c == '{' || c == '}' ? std::string(2, c) : std::string(1, c);
        out += "{" + x;
        if (i >= b.size() || (b[i] != '!' && b[i] != ':')) out += "!r";
      }
      if (i < b.size() && b[i] == '!') {
        out += b.substr(i, 2);
        i += 2;
      }
      if (i < b.size() && b[i] == ':') {
        size_t s = ++i;
        i = fstring::spec_end(b, i);
        out += ":" + fstring_body(b.substr(s, i - s));
      }
      if (i < b.size()) out += b[i++];
    }
    return out;
  }

  // One f-string expression, translated like the rest of the program.
  std::string snippet(const std::string& e) {
    if (e.find_first_not_of(" \t\n") == std::string::npos) return e;
    auto sub = std::make_shared<SourceFile>();
    sub->path = src_->path;
    sub->text = "(" + e + ")";
    std::string r = Translator(sub, from_, to_, bound_).run();
    return r.size() >= 2 ? r.substr(1, r.size() - 2) : e;
  }

  // True when `name` means something else in the target: one of its keywords, or one of its
  // builtins' spellings (which the program's own name would hide).
  bool taken_in_target(const std::string& name) const {
    if (target_keywords_.candidates(utf8::nfc(name))) return true;
    if (to_.builtins.count(name)) return true;
    return en_.builtin_preferred.count(name) > 0;
  }

  bool source_builtin(const std::string& name) const {
    return from_.builtins.count(name) || (&from_ == &en_ && en_.builtin_preferred.count(name));
  }

  // The program's own name, renamed if the target gives its spelling another meaning.
  std::string own_name(const std::string& name) const {
    std::string r = name;
    while (taken_in_target(r) || (r != name && bound_->names.count(r))) r += "_";
    return r;
  }

  // A soft keyword (match, case, default, let, const) is a keyword only where it opens a
  // statement of its own: at the start of a line, not followed by an assignment, attribute,
  // call or annotation, and (match/case/default) on a line with a ':' outside brackets. In
  // `re.match(...)`, `max(xs, default=0)` or `match = 1` it is a name and stays one.
  bool soft_word_used_as_name(size_t i) const {
    const Token& t = toks_[i];
    switch (t.kw) {
      case Concept::Match: case Concept::Case: case Concept::Default: case Concept::Let: case Concept::Const: break;
      default: return false;
    }
    if (i > 0) {
      Tok p = toks_[i - 1].kind;
      if (p != Tok::Newline && p != Tok::Indent && p != Tok::Dedent) return true;
    }
    if (i + 1 >= toks_.size()) return true;
    const Token& n = toks_[i + 1];
    if (n.kind == Tok::Newline || n.kind == Tok::End) return t.kw != Concept::Default;
    if (n.kind == Tok::Op) {
      static const char* const kNameOps[] = {"=", ".", ":=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=",
                                             "<<=", ">>=", "&=", "|=", "^=", ",", ")", "]", "}", ";"};
      for (const char* o : kNameOps)
        if (n.text == o) return true;
      if (n.text == ":") return t.kw != Concept::Default;
    }
    if (t.kw == Concept::Let || t.kw == Concept::Const) return false;
    int depth = 0;
    for (size_t k = i + 1; k < toks_.size(); ++k) {
      const Token& x = toks_[k];
      if (x.kind == Tok::Newline || x.kind == Tok::End) break;
      if (x.kind != Tok::Op) continue;
      if (x.text == "(" || x.text == "[" || x.text == "{") ++depth;
      else if (x.text == ")" || x.text == "]" || x.text == "}") --depth;
      else if (x.text == ":" && depth == 0) return false;
    }
    return true;
  }

  std::string word(size_t i) {
    const Token& t = toks_[i];
    if (t.kind == Tok::Keyword && !soft_word_used_as_name(i)) return to_.preferred(t.kw);
    bool after_dot = i > 0 && toks_[i - 1].is_op(".");
    bool keyword_arg = i + 1 < toks_.size() && toks_[i + 1].is_op("=") && i > 0 &&
                       (toks_[i - 1].is_op("(") || toks_[i - 1].is_op(","));
    bool defined = i > 0 && (toks_[i - 1].is_kw(Concept::Def) || toks_[i - 1].is_kw(Concept::Class));
    auto at = [&](size_t k) { return bound_->attr_at.count({toks_[k].loc.line, toks_[k].loc.col}) > 0; };
    bool attribute = at(i) || (defined && (at(i - 1) || (i > 1 && at(i - 2))));  // (async) def in a class
    // `re.match(...)`, `max(xs, default=0)`, `def match(self)`: soft words every language
    // reads as names there
    if (t.kind == Tok::Keyword && (after_dot || keyword_arg || attribute)) return t.text;
    // The program's own names, unless spelled like a builtin of the source language (then which
    // one a use means depends on scope and order: it is translated as before).
    bool own = bound_->names.count(t.text) && !source_builtin(t.text);
    // f(n=1) of a def f(n): the keyword is spelled as the parameter is
    bool as_name = !after_dot && !attribute && (!keyword_arg || bound_->params.count(t.text));
    if (as_name && own) return own_name(t.text);
    std::string r = t.text;
    if (as_name) {
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
