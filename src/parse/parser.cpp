// Entry points, token helpers, error reporting, and word-order surface patterns.
#include "parse/parser.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parse/parser_impl.h"

namespace ml {

Parser::Parser(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, std::vector<Token> toks)
    : src_(std::move(src)), pack_(pack), toks_(std::move(toks)) {}

const Token& Parser::expect_op(const char* op) {
  if (!at_op(op)) fail_expected(std::string("'") + op + "'", cur());
  return next();
}

const Token& Parser::expect_kw(Concept c) {
  if (!at_kw(c)) fail_expected("'" + kw(c) + "'", cur());
  return next();
}

// Soft keywords (match/case/default, the words a pack reserves that Python does not, such as
// let/var/const, and a pack's extra spellings of a Python keyword, such as English `fn` for
// `def`) may still be used as names, like Python's own soft keywords.
bool Parser::is_soft_word(const Token& t) const {
  if (t.kind != Tok::Keyword) return false;
  switch (t.kw) {
    case Concept::Match: case Concept::Case: case Concept::Default: case Concept::Const: case Concept::Let:
      return true;
    default: break;
  }
  if (t.text.find(' ') != std::string::npos) return false;
  const auto& sp = pack_.spellings(t.kw);
  return !sp.empty() && t.text != sp.front();
}

bool Parser::at_name() const {
  const Token& t = cur();
  return t.kind == Tok::Name || is_soft_word(t);
}

// At the start of a statement, is the soft word `cur()` a name rather than its keyword?
// A declaration word (fn NAME, let NAME, const NAME) is a keyword only when a name follows;
// another extra spelling only stops being a keyword where an assignment or attribute follows.
bool Parser::soft_word_is_name() const {
  const Token& t = cur();
  if (!is_soft_word(t) || t.kw == Concept::Match || t.kw == Concept::Case || t.kw == Concept::Default) return false;
  const Token& n = peek();
  if (t.kw == Concept::Def || t.kw == Concept::Class) return !(n.kind == Tok::Name || is_soft_word(n));
  if (n.kind == Tok::Newline || n.kind == Tok::End) return t.kw == Concept::Let || t.kw == Concept::Const;
  if (n.kind != Tok::Op) return false;
  // `let x = 1`, `let *rest, x = ...`, `let (a, b) = ...` declare; `let = 1`, `obj.let`, `let.x`
  // and `var += 1` use the word as a name.
  static const char* const ops[] = {"=", ".", ":=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=",
                                    "<<=", ">>=", "&=", "|=", "^="};
  for (const char* o : ops)
    if (n.text == o) return true;
  if (t.kw == Concept::Let || t.kw == Concept::Const)
    for (const char* o : {",", ")", "]", "}", ";", ":"})
      if (n.text == o) return true;
  return false;
}

std::string Parser::expect_name() {
  if (!at_name()) fail_expected(word("identifier"), cur());
  return next().text;
}

std::string Parser::describe(const Token& t) const {
  switch (t.kind) {
    case Tok::Newline: return word("newline");
    case Tok::Indent: return word("indent");
    case Tok::Dedent: return word("dedent");
    case Tok::End: return word("end");
    case Tok::Str: return word("string");
    default: return "'" + t.text + "'";
  }
}

void Parser::fail(const char* id, std::map<std::string, std::string> args, Loc loc, const char* kind) {
  throw CompileError(kind, id, std::move(args), loc, src_);
}

void Parser::fail_unexpected(const Token& t) {
  if (t.kind == Tok::End) fail("syntax.unexpected_eof", {}, t.loc);
  if (t.kind == Tok::Indent) fail("syntax.unexpected_indent", {}, t.loc, "IndentationError");
  fail("syntax.unexpected_token", {{"token", describe(t)}}, t.loc);
}

void Parser::fail_expected(const std::string& what, const Token& t) {
  if (t.kind == Tok::End) fail("syntax.unexpected_eof", {}, t.loc);
  fail("syntax.expected", {{"expected", what}, {"found", describe(t)}}, t.loc);
}

// Word-order patterns: a line such as "範囲(6) 内の 各 i に対して:" (Japanese) or
// "range(5) para i:" (Spanish) is matched element by element against each of the pack's
// patterns; the first that matches up to its colon becomes the normal For/While/If/With.
bool Parser::try_surface_pattern(Body& out) {
  // Cheap filter: the line must contain a colon at bracket depth 0.
  {
    int depth = 0;
    bool colon = false;
    for (size_t i = pos_; i < toks_.size() && toks_[i].kind != Tok::Newline && toks_[i].kind != Tok::End; ++i) {
      const Token& t = toks_[i];
      if (t.kind != Tok::Op) continue;
      if (t.text == "(" || t.text == "[" || t.text == "{") depth++;
      else if (t.text == ")" || t.text == "]" || t.text == "}") depth--;
      else if (t.text == ":" && depth == 0) colon = true;
    }
    if (!colon) return false;
  }
  for (const auto& pat : pack_.patterns) {
    if (pat.elems.empty() || pat.elems[0].kind != PatternElem::Kind::Expr) continue;
    size_t save = pos_;
    Loc loc = cur().loc;
    std::map<std::string, ExprP> slots;
    SurfaceUse use;
    use.normalize_to = pat.normalize_to;
    use.begin = cur().begin;
    bool ok = true;
    try {
      for (const auto& el : pat.elems) {
        switch (el.kind) {
          case PatternElem::Kind::Expr: {
            bool si = no_in_, st = no_ternary_;
            no_in_ = no_ternary_ = true;
            size_t b = cur().begin;
            slots[el.slot] = testlist();
            use.slots.push_back({el.slot, {b, toks_[pos_ - 1].end}});
            no_in_ = si;
            no_ternary_ = st;
            break;
          }
          case PatternElem::Kind::Identifier: {
            no_in_ = true;
            size_t b = cur().begin;
            ExprP target = exprlist();
            no_in_ = false;
            check_target(*target);
            slots[el.slot] = std::move(target);
            use.slots.push_back({el.slot, {b, toks_[pos_ - 1].end}});
            break;
          }
          case PatternElem::Kind::Literal:
            if (!(cur().kind == Tok::Name || cur().kind == Tok::Keyword) || cur().text != el.literal) ok = false;
            else next();
            break;
          case PatternElem::Kind::Keyword:
            if (!at_kw(el.concept_)) ok = false;
            else next();
            break;
          case PatternElem::Kind::Colon:
            if (!at_op(":")) ok = false;
            break;
        }
        if (!ok) break;
      }
    } catch (const CompileError&) {
      ok = false;
    }
    no_in_ = no_ternary_ = false;
    if (!ok || !at_op(":")) {
      pos_ = save;
      continue;
    }
    const Token& opener = toks_[save];
    use.end = cur().end;
    next();  // ':'
    StmtP s;
    if (pat.normalize_to == "for" && slots["iterable"] && slots["target"]) {
      s = make_stmt(StmtKind::For, loc);
      s->targets.push_back(std::move(slots["target"]));
      s->iter = std::move(slots["iterable"]);
      loop_depth_++;
      s->body = block(opener);
      loop_depth_--;
    } else if (pat.normalize_to == "while" && slots["condition"]) {
      s = make_stmt(StmtKind::While, loc);
      s->value = std::move(slots["condition"]);
      loop_depth_++;
      s->body = block(opener);
      loop_depth_--;
    } else if (pat.normalize_to == "if" && slots["condition"]) {
      s = make_stmt(StmtKind::If, loc);
      s->value = std::move(slots["condition"]);
      s->body = block(opener);
      if (at_kw(Concept::Elif)) {
        Loc eloc = next().loc;
        s->orelse.push_back(if_statement(eloc));
      } else if (at_kw(Concept::Else)) {
        const Token& e = next();
        expect_op(":");
        s->orelse = block(e);
      }
    } else if (pat.normalize_to == "with" && slots["context"]) {
      s = make_stmt(StmtKind::With, loc);
      WithItem it;
      it.context = std::move(slots["context"]);
      s->items.push_back(std::move(it));
      s->body = block(opener);
    } else {
      pos_ = save;
      continue;
    }
    if ((s->kind == StmtKind::For || s->kind == StmtKind::While) && at_kw(Concept::Else)) {
      const Token& e = next();
      expect_op(":");
      s->orelse = block(e);
    }
    out.push_back(std::move(s));
    surface_uses_.push_back(std::move(use));
    return true;
  }
  return false;
}

// With a bracket left open at the end of the file the parse fails somewhere; CPython then says
// "'(' was never closed" when its parser read on to the end of the file: the error is at the end,
// on a later line than the bracket, or at a value it tried to read as the start of an expression
// (`print(1 2`). An error before that on the bracket's own line wins (`def f(:`).
static bool reached_the_end(const CompileError& e, const UnclosedBracket& open, const std::vector<Token>& toks) {
  if (e.loc.line > open.loc.line) return true;
  if (e.loc.line == toks.back().loc.line && e.loc.col >= toks.back().loc.col) return true;
  for (const Token& t : toks) {
    if (t.loc.line != e.loc.line || t.loc.col != e.loc.col) continue;
    bool after = t.loc.line > open.loc.line || t.loc.col > open.loc.col;
    return after && (t.kind == Tok::Name || t.kind == Tok::Int || t.kind == Tok::Float || t.kind == Tok::Str);
  }
  return false;
}

ast::Module parse_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack) {
  std::optional<UnclosedBracket> open;
  auto toks = tokenize(src, pack, &open);
  if (!open) {
    Parser p(src, pack, std::move(toks));
    return p.parse_module();
  }
  CompileError never_closed("SyntaxError", "syntax.never_closed", {{"bracket", open->text}}, open->loc, src);
  try {
    Parser p(src, pack, toks);
    p.parse_module();
  } catch (const CompileError& e) {
    if (!reached_the_end(e, *open, toks)) throw;
  }
  throw never_closed;
}

// At most kMaxSourceBytes of `in` (whose size, if known, is `size`); SourceReadError past that.
static std::string read_capped(std::istream& in, const std::string& shown, uintmax_t size = 0) {
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, size_t(in.gcount()));
    if (text.size() > kMaxSourceBytes || size > kMaxSourceBytes) {
      std::string limit = std::to_string(kMaxSourceBytes >> 20);
      if (text.size() > (size_t(1) << 16)) text.resize(size_t(1) << 16);
      throw SourceReadError("'" + shown + "' is larger than " + limit + " MiB: not a program source",
                            "source.too_large", {{"path", shown}, {"limit", limit}}, std::move(text));
    }
  }
  return text;
}

std::shared_ptr<const SourceFile> read_source_file(const std::string& path) {
  auto sf = std::make_shared<SourceFile>();
  sf->path = path;
  if (path == "-") {
    sf->path = "<stdin>";
    sf->text = read_capped(std::cin, sf->path);
  } else {
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(st)) throw std::runtime_error("'" + path + "' is a directory");
    // Devices never end (/dev/zero) or wait for a terminal; pipes (`run <(...)`) are read.
    if (std::filesystem::is_character_file(st) || std::filesystem::is_block_file(st))
      throw SourceReadError("'" + path + "' is a device, not a program file (use '-' for standard input)",
                            "source.not_a_file", {{"path", path}});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open '" + path + "'");
    uintmax_t size = std::filesystem::is_regular_file(st) ? std::filesystem::file_size(path, ec) : 0;
    sf->text = read_capped(in, path, ec ? 0 : size);
    if (in.bad()) throw std::runtime_error("cannot read '" + path + "'");
  }
  return sf;
}

}  // namespace ml
