// Statements: simple ones (assignments, return, import, ...) and compound ones with
// indented blocks (if, while, for, def, class, try, with, match).
#include "parse/parser_impl.h"

namespace ml {

Module Parser::parse_module() {
  Module m;
  m.source = src_;
  m.language = pack_.code;
  while (cur().kind != Tok::End) {
    if (cur().kind == Tok::Newline) {
      next();
      continue;
    }
    if (cur().kind == Tok::Indent) fail("syntax.unexpected_indent", {}, cur().loc, "IndentationError");
    statement(m.body);
  }
  m.surface_uses = std::move(surface_uses_);
  return m;
}

Body Parser::block(const Token& opener) {
  DepthScope nest(*this, opener.loc);
  Body body;
  if (cur().kind != Tok::Newline) {  // "if x: y = 1" on one line
    simple_statements(body);
    return body;
  }
  next();
  if (cur().kind != Tok::Indent)
    fail("syntax.expected_indent", {{"keyword", opener.text.empty() ? std::string(":") : opener.text}},
         cur().loc, "IndentationError");
  next();
  while (cur().kind != Tok::Dedent && cur().kind != Tok::End) {
    if (cur().kind == Tok::Newline) {
      next();
      continue;
    }
    statement(body);
  }
  if (cur().kind == Tok::Dedent) next();
  return body;
}

void Parser::statement(Body& out) {
  const Token& t = cur();
  Loc loc = t.loc;
  if (t.kind == Tok::Keyword && !soft_word_is_name()) {
    switch (t.kw) {
      case Concept::If: next(); out.push_back(if_statement(loc)); return;
      case Concept::While: next(); out.push_back(while_statement(loc)); return;
      case Concept::For: next(); out.push_back(for_statement(loc, false)); return;
      case Concept::Try: next(); out.push_back(try_statement(loc)); return;
      case Concept::With: next(); out.push_back(with_statement(loc, false)); return;
      case Concept::Def: next(); out.push_back(funcdef(loc, {}, false)); return;
      case Concept::Class: next(); out.push_back(classdef(loc, {})); return;
      case Concept::Async:
        next();
        if (accept_kw(Concept::Def)) out.push_back(funcdef(loc, {}, true));
        else if (accept_kw(Concept::For)) out.push_back(for_statement(loc, true));
        else if (accept_kw(Concept::With)) out.push_back(with_statement(loc, true));
        else fail_expected(kw(Concept::Def), cur());
        return;
      case Concept::Match: {
        // `match` is soft: only a statement when "match <expr>:" follows.
        size_t save = pos_;
        next();
        try {
          StmtP m = match_statement(loc);
          out.push_back(std::move(m));
          return;
        } catch (const CompileError&) {
          pos_ = save;
          if (peek().is_op("=") || peek().is_op(".") || peek().is_op("(") || peek().is_op("[")) break;
          throw;
        }
      }
      default:
        break;
    }
  }
  if (t.is_op("@")) {
    std::vector<ExprP> decorators;
    while (accept_op("@")) {
      decorators.push_back(namedexpr_test());
      if (cur().kind != Tok::Newline) fail_expected(word("newline"), cur());
      next();
    }
    Loc dloc = cur().loc;
    if (accept_kw(Concept::Def)) out.push_back(funcdef(dloc, std::move(decorators), false));
    else if (accept_kw(Concept::Class)) out.push_back(classdef(dloc, std::move(decorators)));
    else if (at_kw(Concept::Async) && peek().is_kw(Concept::Def)) {
      next();
      next();
      out.push_back(funcdef(dloc, std::move(decorators), true));
    } else {
      fail_expected(kw(Concept::Def), cur());
    }
    return;
  }
  if (!pack_.patterns.empty() && try_surface_pattern(out)) return;
  simple_statements(out);
}

void Parser::simple_statements(Body& out) {
  out.push_back(small_statement());
  while (accept_op(";")) {
    if (cur().kind == Tok::Newline || cur().kind == Tok::End) break;
    out.push_back(small_statement());
  }
  if (cur().kind == Tok::End) return;
  if (cur().kind != Tok::Newline) fail_unexpected(cur());
  next();
}

StmtP Parser::small_statement() {
  const Token& t = cur();
  Loc loc = t.loc;
  if (t.kind == Tok::Keyword && !soft_word_is_name()) {
    switch (t.kw) {
      case Concept::Pass: next(); return make_stmt(StmtKind::Pass, loc);
      case Concept::Break:
        if (loop_depth_ == 0) fail("syntax.keyword_misuse", {{"keyword", t.text}, {"where", word("loop")}}, loc);
        next();
        return make_stmt(StmtKind::Break, loc);
      case Concept::Continue:
        if (loop_depth_ == 0) fail("syntax.keyword_misuse", {{"keyword", t.text}, {"where", word("loop")}}, loc);
        next();
        return make_stmt(StmtKind::Continue, loc);
      case Concept::Return: {
        if (funcs_.empty()) fail("syntax.keyword_misuse", {{"keyword", t.text}, {"where", word("function")}}, loc);
        next();
        auto s = make_stmt(StmtKind::Return, loc);
        if (cur().kind != Tok::Newline && cur().kind != Tok::End && !at_op(";")) s->value = testlist();
        return s;
      }
      case Concept::Raise: {
        next();
        auto s = make_stmt(StmtKind::Raise, loc);
        if (cur().kind != Tok::Newline && cur().kind != Tok::End && !at_op(";")) {
          s->value = test();
          if (accept_kw(Concept::From)) s->extra = test();
        }
        return s;
      }
      case Concept::Global:
      case Concept::Nonlocal: {
        next();
        auto s = make_stmt(t.kw == Concept::Global ? StmtKind::Global : StmtKind::Nonlocal, loc);
        do s->names.push_back(Alias{expect_name(), ""});
        while (accept_op(","));
        return s;
      }
      case Concept::Assert: {
        next();
        auto s = make_stmt(StmtKind::Assert, loc);
        s->value = test();
        if (accept_op(",")) s->extra = test();
        return s;
      }
      case Concept::Del: {
        next();
        auto s = make_stmt(StmtKind::Del, loc);
        ExprP targets = exprlist();
        if (targets->kind == ExprKind::Tuple && !targets->paren) {
          for (auto& e : targets->items) {
            check_target(*e, false);
            s->targets.push_back(std::move(e));
          }
        } else {
          check_target(*targets, false);
          s->targets.push_back(std::move(targets));
        }
        return s;
      }
      case Concept::Import: next(); return import_statement(loc);
      case Concept::From: next(); return from_import(loc);
      case Concept::Let:
      case Concept::Const:
        next();
        return expr_statement(true);
      default:
        break;
    }
  }
  return expr_statement(false);
}

static bool aug_op(const std::string& s, BinOp& op) {
  static const std::pair<const char*, BinOp> ops[] = {
      {"+=", BinOp::Add}, {"-=", BinOp::Sub}, {"*=", BinOp::Mul}, {"/=", BinOp::Div},
      {"//=", BinOp::FloorDiv}, {"%=", BinOp::Mod}, {"**=", BinOp::Pow}, {"@=", BinOp::MatMul},
      {"<<=", BinOp::LShift}, {">>=", BinOp::RShift}, {"&=", BinOp::BitAnd}, {"|=", BinOp::BitOr},
      {"^=", BinOp::BitXor}};
  for (const auto& o : ops)
    if (s == o.first) {
      op = o.second;
      return true;
    }
  return false;
}

StmtP Parser::expr_statement(bool declared) {
  Loc loc = cur().loc;
  ExprP first = at_kw(Concept::Yield) ? yield_expr() : testlist_star_expr();
  BinOp op;
  if (cur().kind == Tok::Op && aug_op(cur().text, op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript)
      check_target(*first, false), fail("syntax.invalid_target", {{"what", word("tuple")}}, first->loc);
    next();
    auto s = make_stmt(StmtKind::AugAssign, loc);
    s->op = op;
    s->targets.push_back(std::move(first));
    s->value = at_kw(Concept::Yield) ? yield_expr() : testlist();
    return s;
  }
  if (at_op(":") && !first->paren && first->kind != ExprKind::Tuple) {
    next();
    check_target(*first, false);
    auto s = make_stmt(StmtKind::AnnAssign, loc);
    s->extra = test();
    s->targets.push_back(std::move(first));
    if (accept_op("=")) s->value = at_kw(Concept::Yield) ? yield_expr() : testlist_star_expr();
    s->declared = declared;
    return s;
  }
  if (at_op("=")) {
    auto s = make_stmt(StmtKind::Assign, loc);
    s->declared = declared;
    std::vector<ExprP> chain;
    chain.push_back(std::move(first));
    while (accept_op("=")) chain.push_back(at_kw(Concept::Yield) ? yield_expr() : testlist_star_expr());
    s->value = std::move(chain.back());
    chain.pop_back();
    for (auto& t : chain) {
      check_target(*t);
      s->targets.push_back(std::move(t));
    }
    return s;
  }
  if (declared) fail_expected("=", cur());
  auto s = make_stmt(StmtKind::Expr, loc);
  s->value = std::move(first);
  return s;
}

StmtP Parser::if_statement(Loc loc) {
  DepthScope nest(*this, loc);  // an elif chain nests If nodes
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::If, loc);
  s->value = namedexpr_test();
  expect_op(":");
  s->body = block(opener);
  if (at_kw(Concept::Elif) || (at_kw(Concept::Else) && peek().is_kw(Concept::If))) {
    Loc eloc = cur().loc;
    if (!accept_kw(Concept::Elif)) next(), next();
    s->orelse.push_back(if_statement(eloc));
  } else if (at_kw(Concept::Else)) {
    const Token& e = next();
    expect_op(":");
    s->orelse = block(e);
  }
  return s;
}

StmtP Parser::while_statement(Loc loc) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::While, loc);
  s->value = namedexpr_test();
  expect_op(":");
  loop_depth_++;
  s->body = block(opener);
  loop_depth_--;
  if (at_kw(Concept::Else)) {
    const Token& e = next();
    expect_op(":");
    s->orelse = block(e);
  }
  return s;
}

StmtP Parser::for_statement(Loc loc, bool is_async) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::For, loc);
  s->is_async = is_async;
  no_in_ = true;
  ExprP target = exprlist();
  no_in_ = false;
  check_target(*target);
  s->targets.push_back(std::move(target));
  expect_kw(Concept::In);
  s->iter = testlist();
  expect_op(":");
  loop_depth_++;
  s->body = block(opener);
  loop_depth_--;
  if (at_kw(Concept::Else)) {
    const Token& e = next();
    expect_op(":");
    s->orelse = block(e);
  }
  return s;
}

StmtP Parser::try_statement(Loc loc) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::Try, loc);
  expect_op(":");
  s->body = block(opener);
  while (at_kw(Concept::Except)) {
    ExceptHandler h;
    h.loc = cur().loc;
    const Token& e = next();
    if (!at_op(":")) {
      h.type = test();
      if (accept_kw(Concept::As)) h.name = expect_name();
      else if (accept_op(",")) fail_expected(kw(Concept::As), toks_[pos_ - 1]);
    }
    expect_op(":");
    h.body = block(e);
    s->handlers.push_back(std::move(h));
  }
  if (at_kw(Concept::Else)) {
    if (s->handlers.empty()) fail_unexpected(cur());
    const Token& e = next();
    expect_op(":");
    s->orelse = block(e);
  }
  if (at_kw(Concept::Finally)) {
    const Token& f = next();
    expect_op(":");
    s->finalbody = block(f);
  }
  if (s->handlers.empty() && s->finalbody.empty()) fail_expected(kw(Concept::Except), cur());
  return s;
}

StmtP Parser::with_statement(Loc loc, bool is_async) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::With, loc);
  s->is_async = is_async;
  do {
    WithItem it;
    it.context = test();
    if (accept_kw(Concept::As)) {
      it.target = bitor_expr();
      check_target(*it.target);
    }
    s->items.push_back(std::move(it));
  } while (accept_op(","));
  expect_op(":");
  s->body = block(opener);
  return s;
}

std::shared_ptr<Params> Parser::parameters(const char* closer, bool allow_annotations) {
  auto p = std::make_shared<Params>();
  bool seen_star = false, seen_default = false;
  while (!at_op(closer)) {
    Loc loc = cur().loc;
    if (accept_op("/")) {
      if (seen_star || !p->posonly.empty()) fail_unexpected(toks_[pos_ - 1]);
      p->posonly = std::move(p->args);
      p->args.clear();
    } else if (accept_op("**")) {
      p->kwarg = std::make_unique<Param>();
      p->kwarg->loc = loc;
      p->kwarg->name = expect_name();
      if (allow_annotations && accept_op(":")) p->kwarg->annotation = test();
    } else if (accept_op("*")) {
      if (seen_star) fail_unexpected(toks_[pos_ - 1]);
      seen_star = true;
      if (at_name()) {
        p->vararg = std::make_unique<Param>();
        p->vararg->loc = loc;
        p->vararg->name = expect_name();
        if (allow_annotations && accept_op(":")) p->vararg->annotation = test();
      }
    } else {
      Param prm;
      prm.loc = loc;
      prm.name = expect_name();
      if (allow_annotations && accept_op(":")) prm.annotation = test();
      if (accept_op("=")) {
        prm.default_value = test();
        if (!seen_star) seen_default = true;
      } else if (seen_default && !seen_star) {
        fail("syntax.non_default_after_default", {}, loc);
      }
      (seen_star ? p->kwonly : p->args).push_back(std::move(prm));
    }
    if (!accept_op(",")) break;
  }
  return p;
}

StmtP Parser::funcdef(Loc loc, std::vector<ExprP> decorators, bool is_async) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::FunctionDef, loc);
  s->is_async = is_async;
  s->decorators = std::move(decorators);
  s->name = expect_name();
  expect_op("(");
  s->params = parameters(")", true);
  expect_op(")");
  if (accept_op("->")) s->returns = test();
  expect_op(":");
  funcs_.push_back(s.get());
  int saved_loops = loop_depth_;
  loop_depth_ = 0;
  s->body = block(opener);
  loop_depth_ = saved_loops;
  funcs_.pop_back();
  return s;
}

StmtP Parser::classdef(Loc loc, std::vector<ExprP> decorators) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::ClassDef, loc);
  s->decorators = std::move(decorators);
  s->name = expect_name();
  if (accept_op("(")) {
    Expr tmp(ExprKind::Call, loc);
    call_args(tmp);
    s->bases = std::move(tmp.args);
  }
  expect_op(":");
  auto saved = std::move(funcs_);
  funcs_.clear();
  int saved_loops = loop_depth_;
  loop_depth_ = 0;
  s->body = block(opener);
  loop_depth_ = saved_loops;
  funcs_ = std::move(saved);
  return s;
}

StmtP Parser::match_statement(Loc loc) {
  const Token& opener = toks_[pos_ - 1];
  auto s = make_stmt(StmtKind::Match, loc);
  s->value = testlist_star_expr();
  expect_op(":");
  if (cur().kind != Tok::Newline) fail_expected(word("newline"), cur());
  next();
  if (cur().kind != Tok::Indent)
    fail("syntax.expected_indent", {{"keyword", opener.text}}, cur().loc, "IndentationError");
  next();
  while (cur().kind != Tok::Dedent && cur().kind != Tok::End) {
    if (cur().kind == Tok::Newline) {
      next();
      continue;
    }
    MatchCase c;
    c.loc = cur().loc;
    const Token& ct = cur();
    if (accept_kw(Concept::Default)) {
      // `default:` is the catch-all case
    } else {
      expect_kw(Concept::Case);
      no_ternary_ = true;  // "case x if guard:" -- the `if` starts a guard
      c.pattern = testlist_star_expr();
      no_ternary_ = false;
      // "case P as name": a capture of the whole matched value, as a NamedExpr around P.
      while (at_kw(Concept::As)) {
        Loc aloc = next().loc;
        auto named = make(ExprKind::NamedExpr, aloc);
        named->name = expect_name();
        named->a = std::move(c.pattern);
        c.pattern = std::move(named);
      }
      if (accept_kw(Concept::If)) c.guard = namedexpr_test();
    }
    expect_op(":");
    c.body = block(ct);
    s->cases.push_back(std::move(c));
  }
  if (cur().kind == Tok::Dedent) next();
  if (s->cases.empty()) fail_expected(kw(Concept::Case), cur());
  return s;
}

std::string Parser::dotted_name() {
  std::string name = expect_name();
  while (accept_op(".")) name += "." + expect_name();
  return name;
}

StmtP Parser::import_statement(Loc loc) {
  auto s = make_stmt(StmtKind::Import, loc);
  do {
    Alias a;
    a.name = dotted_name();
    if (accept_kw(Concept::As)) a.asname = expect_name();
    s->names.push_back(std::move(a));
  } while (accept_op(","));
  return s;
}

StmtP Parser::from_import(Loc loc) {
  auto s = make_stmt(StmtKind::ImportFrom, loc);
  std::string dots;
  while (at_op(".") || at_op("...")) dots += next().text;
  s->module = dots + (at_name() ? dotted_name() : "");
  expect_kw(Concept::Import);
  if (accept_op("*")) {
    s->names.push_back(Alias{"*", ""});
    return s;
  }
  bool paren = accept_op("(");
  do {
    if (paren && at_op(")")) break;
    Alias a;
    a.name = expect_name();
    if (accept_kw(Concept::As)) a.asname = expect_name();
    s->names.push_back(std::move(a));
  } while (accept_op(","));
  if (paren) expect_op(")");
  return s;
}

}  // namespace ml
