// f-strings: the lexer hands over the raw body; here it is split into literal pieces and
// {expression!conv:spec} pieces. Each expression is lexed and parsed on its own, with its
// positions shifted back to where it sits in the file.
#include "parse/parser_impl.h"
#include "parse/fstring_scan.h"

namespace ml {

namespace {

// Advances (line, col) over `s` (columns in code points).
void advance_loc(Loc& loc, const std::string& s) {
  for (unsigned char c : s) {
    if (c == '\n') loc.line++, loc.col = 1;
    else if ((c & 0xC0) != 0x80) loc.col++;
  }
}

}  // namespace

ExprP Parser::parse_fstring_body(const Token& tok) {
  DepthScope nest(*this, tok.loc);  // format specs nest: f"{x:{y:{z}}}"
  const std::string& b = tok.value;
  auto f = make(ExprKind::FString, tok.loc);
  std::string lit;
  Loc lit_loc = tok.body_loc;
  auto flush = [&](Loc at) {
    if (lit.empty()) return;
    std::string decoded;
    size_t bad = 0;
    if (tok.is_raw) decoded = lit;
    else if (!decode_escapes(lit, false, decoded, bad)) fail("syntax.invalid_escape", {{"text", lit.substr(bad, 4)}}, at);
    auto s = make(ExprKind::Str, at);
    s->str = std::move(decoded);
    f->items.push_back(std::move(s));
    lit.clear();
  };
  size_t i = 0;
  Loc loc = tok.body_loc;  // position of b[i]
  while (i < b.size()) {
    char c = b[i];
    if (c == '{' && i + 1 < b.size() && b[i + 1] == '{') {
      if (lit.empty()) lit_loc = loc;
      lit += '{';
      i += 2;
      loc.col += 2;
      continue;
    }
    if (c == '}' && i + 1 < b.size() && b[i + 1] == '}') {
      if (lit.empty()) lit_loc = loc;
      lit += '}';
      i += 2;
      loc.col += 2;
      continue;
    }
    if (c == '}') fail("syntax.fstring_single_brace", {}, loc);
    if (c != '{') {
      if (lit.empty()) lit_loc = loc;
      size_t n = 1;
      if (c == '\\' && i + 1 < b.size()) n = 2;
      std::string piece = b.substr(i, n);
      lit += piece;
      advance_loc(loc, piece);
      i += n;
      continue;
    }
    flush(lit_loc);
    // An expression: find its end at depth 0, outside nested strings.
    Loc open_loc = loc;
    i++;
    loc.col++;
    size_t start = i;
    Loc expr_loc = loc;
    size_t expr_end = fstring::expression_end(b, i);
    if (expr_end == fstring::npos) fail("syntax.fstring_unclosed", {}, open_loc);
    std::string expr_text = b.substr(start, expr_end - start);
    if (expr_text.find_first_not_of(" \t\n") == std::string::npos)  // f"{}" / f"{ }"
      fail("syntax.expected", {{"expected", word("expression")}, {"found", "'" + std::string(1, b[expr_end]) + "'"}}, expr_loc);
    advance_loc(loc, expr_text);
    // Self-documenting "{x=}": the text itself is printed before the value.
    bool self_doc = false;
    if (size_t e = fstring::self_documenting_equals(expr_text); e != fstring::npos) {
      self_doc = true;
      auto s = make(ExprKind::Str, expr_loc);
      s->str = expr_text;
      f->items.push_back(std::move(s));
      expr_text = expr_text.substr(0, e);
    }
    auto fv = make(ExprKind::FormattedValue, expr_loc);
    {
      auto sub = std::make_shared<SourceFile>();
      sub->path = src_->path;
      sub->text = "(" + expr_text + ")";
      std::vector<Token> toks;
      try {
        toks = tokenize(sub, pack_);
        Parser p(sub, pack_, std::move(toks));
        p.depth_ = depth_;  // the snippet sits this deep in the program
        fv->a = p.testlist();
        if (p.cur().kind != Tok::Newline && p.cur().kind != Tok::End) p.fail_unexpected(p.cur());
      } catch (CompileError& e) {
        // Re-anchor the error in the real file: line 1 of the snippet starts at expr_loc.
        Loc at = e.loc;
        if (at.line <= 1) at = Loc{expr_loc.line, expr_loc.col + std::max(0, at.col - 2)};
        else at.line += expr_loc.line - 1;
        throw CompileError(e.kind, e.message_id, e.args, at, src_);
      }
    }
    i = expr_end;
    if (b[i] == '!') {
      if (i + 1 >= b.size()) fail("syntax.fstring_unclosed", {}, open_loc);
      fv->conv = b[i + 1];
      if (fv->conv != 'r' && fv->conv != 's' && fv->conv != 'a') fail("syntax.fstring_conversion", {}, loc);
      i += 2;
      loc.col += 2;
    } else if (self_doc) {
      fv->conv = 'r';
    }
    if (i < b.size() && b[i] == ':') {
      i++;
      loc.col++;
      // The spec runs to the matching '}', and may hold nested {expr}.
      size_t s = i;
      i = fstring::spec_end(b, i);
      std::string spec = b.substr(s, i - s);
      if (self_doc && fv->conv == 'r') fv->conv = 0;
      Token spec_tok = tok;
      spec_tok.value = spec;
      spec_tok.body_loc = loc;
      spec_tok.is_raw = true;
      advance_loc(loc, spec);
      ExprP spec_expr = parse_fstring_body(spec_tok);
      if (spec_expr->items.size() == 1 && spec_expr->items[0]->kind == ExprKind::Str) fv->b = std::move(spec_expr->items[0]);
      else if (!spec_expr->items.empty()) fv->b = std::move(spec_expr);
    }
    if (i >= b.size() || b[i] != '}') fail("syntax.fstring_unclosed", {}, open_loc);
    i++;
    loc.col++;
    f->items.push_back(std::move(fv));
  }
  flush(lit_loc);
  return f;
}

}  // namespace ml
