// Expressions, by Python's precedence ladder: lambda / conditional, or, and, not,
// comparisons, | ^ &, shifts, + -, * / // % @, unary, **, await, primaries, atoms.
#include "parse/parser_impl.h"

namespace ml {

ExprP Parser::test() {
  DepthScope nest(*this, cur().loc);
  if (at_kw(Concept::Lambda)) return lambda_expr();
  ExprP e = or_test();
  if (!no_ternary_ && at_kw(Concept::If)) {
    Loc loc = cur().loc;
    next();
    ExprP cond = or_test();
    expect_kw(Concept::Else);
    ExprP orelse = test();
    auto ife = make(ExprKind::IfExp, loc);
    ife->a = std::move(e);
    ife->b = std::move(cond);
    ife->c = std::move(orelse);
    return ife;
  }
  return e;
}

ExprP Parser::namedexpr_test() {
  if (at_name() && peek().is_op(":=")) {
    Loc loc = cur().loc;
    std::string name = next().text;
    next();
    auto e = make(ExprKind::NamedExpr, loc);
    e->name = name;
    e->a = test();
    return e;
  }
  return test();
}

ExprP Parser::lambda_expr() {
  Loc loc = next().loc;
  auto e = make(ExprKind::Lambda, loc);
  e->params = parameters(":", false);
  expect_op(":");
  e->a = test();
  return e;
}

// `a or b or c` / `a and b and c`: one BoolOp holding every operand.
static ExprP boolop_level(Parser& p, Concept kw, BoolOpKind kind, ExprP (Parser::*operand)()) {
  ExprP first = (p.*operand)();
  if (!p.at_kw(kw)) return first;
  auto e = p.make(ExprKind::BoolOp, p.cur().loc);
  e->boolop = kind;
  e->items.push_back(std::move(first));
  while (p.accept_kw(kw)) e->items.push_back((p.*operand)());
  return e;
}

ExprP Parser::or_test() { return boolop_level(*this, Concept::Or, BoolOpKind::Or, &Parser::and_test); }
ExprP Parser::and_test() { return boolop_level(*this, Concept::And, BoolOpKind::And, &Parser::not_test); }

ExprP Parser::not_test() {
  if (at_kw(Concept::Not)) {
    DepthScope nest(*this, cur().loc);
    Loc loc = next().loc;
    auto e = make(ExprKind::UnaryOp, loc);
    e->un = UnaryOp::Not;
    e->a = not_test();
    return e;
  }
  return comparison();
}

ExprP Parser::comparison() {
  ExprP left = bitor_expr();
  ExprP cmp;
  while (true) {
    CmpOp op;
    const Token& t = cur();
    if (t.kind == Tok::Op) {
      if (t.text == "<") op = CmpOp::Lt;
      else if (t.text == ">") op = CmpOp::Gt;
      else if (t.text == "==") op = CmpOp::Eq;
      else if (t.text == "!=") op = CmpOp::NotEq;
      else if (t.text == "<=") op = CmpOp::LtE;
      else if (t.text == ">=") op = CmpOp::GtE;
      else break;
      next();
    } else if (t.is_kw(Concept::In) && !no_in_) {
      op = CmpOp::In;
      next();
    } else if (t.is_kw(Concept::NotIn) && !no_in_) {
      op = CmpOp::NotIn;
      next();
    } else if (t.is_kw(Concept::Not) && peek().is_kw(Concept::In) && !no_in_) {
      op = CmpOp::NotIn;
      next();
      next();
    } else if (t.is_kw(Concept::IsNot)) {
      op = CmpOp::IsNot;
      next();
    } else if (t.is_kw(Concept::Is)) {
      next();
      op = accept_kw(Concept::Not) ? CmpOp::IsNot : CmpOp::Is;
    } else {
      break;
    }
    if (!cmp) {
      cmp = make(ExprKind::Compare, left->loc);
      cmp->a = std::move(left);
    }
    cmp->cmps.push_back(op);
    cmp->items.push_back(bitor_expr());
  }
  return cmp ? std::move(cmp) : std::move(left);
}

// Left-associative binary levels share one shape.
template <typename Next>
static ExprP binary_level(Parser& p, Next next_level,
                          std::initializer_list<std::pair<const char*, BinOp>> ops) {
  Parser::DepthScope nest(p);  // each link of a left-nested chain is one level deeper
  ExprP left = (p.*next_level)();
  while (true) {
    const Token& t = p.cur();
    const std::pair<const char*, BinOp>* hit = nullptr;
    if (t.kind == Tok::Op)
      for (const auto& o : ops)
        if (t.text == o.first) hit = &o;
    if (!hit) return left;
    Loc loc = t.loc;
    p.deeper(loc);
    p.next();
    auto e = p.make(ExprKind::BinOp, loc);
    e->bin = hit->second;
    e->a = std::move(left);
    e->b = (p.*next_level)();
    left = std::move(e);
  }
}

ExprP Parser::bitor_expr() { return binary_level(*this, &Parser::bitxor_expr, {{"|", BinOp::BitOr}}); }
ExprP Parser::bitxor_expr() { return binary_level(*this, &Parser::bitand_expr, {{"^", BinOp::BitXor}}); }
ExprP Parser::bitand_expr() { return binary_level(*this, &Parser::shift_expr, {{"&", BinOp::BitAnd}}); }
ExprP Parser::shift_expr() {
  return binary_level(*this, &Parser::arith_expr, {{"<<", BinOp::LShift}, {">>", BinOp::RShift}});
}
ExprP Parser::arith_expr() {
  return binary_level(*this, &Parser::term, {{"+", BinOp::Add}, {"-", BinOp::Sub}});
}
ExprP Parser::term() {
  return binary_level(*this, &Parser::factor,
                      {{"*", BinOp::Mul}, {"/", BinOp::Div}, {"//", BinOp::FloorDiv}, {"%", BinOp::Mod},
                       {"@", BinOp::MatMul}});
}

ExprP Parser::factor() {
  DepthScope nest(*this, cur().loc);
  const Token& t = cur();
  if (t.kind == Tok::Op && (t.text == "-" || t.text == "+" || t.text == "~")) {
    Loc loc = t.loc;
    UnaryOp op = t.text == "-" ? UnaryOp::Neg : t.text == "+" ? UnaryOp::Pos : UnaryOp::Invert;
    next();
    ExprP operand = factor();
    // Fold "-<int literal>" so -9223372036854775808 and match patterns stay literals.
    if (op == UnaryOp::Neg && operand->kind == ExprKind::Int && operand->int_fits) {
      operand->ival = -operand->ival;
      operand->loc = loc;
      return operand;
    }
    if (op == UnaryOp::Neg && operand->kind == ExprKind::Float) {
      operand->num = -operand->num;
      operand->loc = loc;
      return operand;
    }
    auto e = make(ExprKind::UnaryOp, loc);
    e->un = op;
    e->a = std::move(operand);
    return e;
  }
  return power();
}

ExprP Parser::power() {
  ExprP base;
  if (at_kw(Concept::Await)) {
    Loc loc = next().loc;
    base = make(ExprKind::Await, loc);
    base->a = primary();
  } else {
    base = primary();
  }
  if (at_op("**")) {
    Loc loc = next().loc;
    auto e = make(ExprKind::BinOp, loc);
    e->bin = BinOp::Pow;
    e->a = std::move(base);
    e->b = factor();  // right-associative, binds tighter than unary on its left
    return e;
  }
  return base;
}

ExprP Parser::primary() {
  DepthScope nest(*this);  // a.b(c)[d]...: each link nests the tree one level deeper
  ExprP e = atom();
  while (true) {
    if (at_op("(") || at_op("[") || at_op(".")) deeper(cur().loc);
    if (at_op("(")) {
      Loc loc = next().loc;
      auto call = make(ExprKind::Call, loc);
      call->a = std::move(e);
      call_args(*call);
      e = std::move(call);
    } else if (at_op("[")) {
      Loc loc = next().loc;
      auto sub = make(ExprKind::Subscript, loc);
      sub->a = std::move(e);
      sub->b = subscript_index();
      expect_op("]");
      e = std::move(sub);
    } else if (at_op(".")) {
      next();
      Loc loc = cur().loc;
      auto attr = make(ExprKind::Attribute, loc);
      attr->a = std::move(e);
      // Attribute names may be any word, including a keyword spelling (obj.match).
      if (cur().kind == Tok::Name || cur().kind == Tok::Keyword) attr->name = next().text;
      else fail_expected(word("identifier"), cur());
      e = std::move(attr);
    } else {
      return e;
    }
  }
}

void Parser::call_args(Expr& call) {
  bool saved_in = no_in_, saved_tern = no_ternary_;
  no_in_ = no_ternary_ = false;
  while (!at_op(")")) {
    Arg arg;
    if (accept_op("*")) {
      arg.kind = Arg::Star;
      arg.value = test();
    } else if (accept_op("**")) {
      arg.kind = Arg::DoubleStar;
      arg.value = test();
    } else if (at_name() && peek().is_op("=")) {
      arg.kind = Arg::Keyword;
      arg.name = next().text;
      next();
      arg.value = test();
    } else {
      arg.value = namedexpr_test();
      if (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For))) {
        auto gen = make(ExprKind::GeneratorExp, arg.value->loc);
        gen->a = std::move(arg.value);
        gen->gens = comp_for();
        arg.value = std::move(gen);
      }
    }
    call.args.push_back(std::move(arg));
    if (!accept_op(",")) break;
  }
  expect_op(")");
  no_in_ = saved_in;
  no_ternary_ = saved_tern;
}

ExprP Parser::slice_item() {
  Loc loc = cur().loc;
  ExprP lower;
  if (!at_op(":")) {
    lower = namedexpr_test();
    if (!at_op(":")) return lower;
  }
  auto s = make(ExprKind::Slice, loc);
  s->a = std::move(lower);
  expect_op(":");
  if (!at_op("]") && !at_op(":") && !at_op(",")) s->b = test();
  if (accept_op(":"))
    if (!at_op("]") && !at_op(",")) s->c = test();
  return s;
}

ExprP Parser::subscript_index() {
  Loc loc = cur().loc;
  ExprP first = slice_item();
  if (!at_op(",")) return first;
  auto tup = make(ExprKind::Tuple, loc);
  tup->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op("]")) break;
    tup->items.push_back(slice_item());
  }
  return tup;
}

std::vector<Comprehension> Parser::comp_for() {
  std::vector<Comprehension> gens;
  bool saved_in = no_in_, saved_tern = no_ternary_;
  while (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For))) {
    Comprehension c;
    c.is_async = accept_kw(Concept::Async);
    next();  // for
    no_in_ = true;
    c.target = exprlist();
    no_in_ = false;
    check_target(*c.target);
    expect_kw(Concept::In);
    no_ternary_ = true;  // "x for x in xs if cond": the `if` is a filter, not a ternary
    c.iter = or_test();
    while (at_kw(Concept::If)) {
      next();
      c.ifs.push_back(or_test());
    }
    no_ternary_ = false;
    gens.push_back(std::move(c));
  }
  no_in_ = saved_in;
  no_ternary_ = saved_tern;
  return gens;
}

ExprP Parser::star_expr_or_test() {
  if (at_op("*")) {
    Loc loc = next().loc;
    auto s = make(ExprKind::Starred, loc);
    s->a = bitor_expr();
    return s;
  }
  return namedexpr_test();
}

ExprP Parser::testlist_star_expr() {
  Loc loc = cur().loc;
  ExprP first = star_expr_or_test();
  if (!at_op(",")) return first;
  auto tup = make(ExprKind::Tuple, loc);
  tup->items.push_back(std::move(first));
  while (accept_op(",")) {
    const Token& t = cur();
    if (t.kind == Tok::Newline || t.kind == Tok::End || t.is_op("=") || t.is_op(")") || t.is_op(";") ||
        t.is_op(":"))
      break;
    tup->items.push_back(star_expr_or_test());
  }
  return tup;
}

ExprP Parser::exprlist() {
  Loc loc = cur().loc;
  auto one = [&]() -> ExprP {
    if (at_op("*")) {
      Loc l = next().loc;
      auto s = make(ExprKind::Starred, l);
      s->a = bitor_expr();
      return s;
    }
    return bitor_expr();
  };
  ExprP first = one();
  if (!at_op(",")) return first;
  auto tup = make(ExprKind::Tuple, loc);
  tup->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_kw(Concept::In) || at_op("=") || at_op(":")) break;
    tup->items.push_back(one());
  }
  return tup;
}

ExprP Parser::testlist() { return testlist_star_expr(); }

ExprP Parser::yield_expr() {
  Loc loc = next().loc;
  if (!funcs_.empty()) funcs_.back()->is_generator = true;
  if (accept_kw(Concept::From)) {
    auto e = make(ExprKind::YieldFrom, loc);
    e->a = test();
    return e;
  }
  auto e = make(ExprKind::Yield, loc);
  const Token& t = cur();
  if (!(t.kind == Tok::Newline || t.is_op(")") || t.is_op("]") || t.is_op("}") || t.is_op("=") ||
        t.kind == Tok::End || t.is_op(";")))
    e->a = testlist_star_expr();
  return e;
}

ExprP Parser::atom() {
  const Token& t = cur();
  Loc loc = t.loc;
  switch (t.kind) {
    case Tok::Name: {
      auto e = make(ExprKind::Name, loc);
      e->name = next().text;
      return e;
    }
    case Tok::Int: {
      auto e = make(ExprKind::Int, loc);
      e->int_fits = t.int_fits;
      e->ival = t.ival;
      e->str = t.value;
      next();
      return e;
    }
    case Tok::Float: {
      auto e = make(t.imag ? ExprKind::Imag : ExprKind::Float, loc);
      e->num = t.fval;
      next();
      return e;
    }
    case Tok::Str:
      return strings();
    case Tok::Keyword:
      switch (t.kw) {
        case Concept::True: next(); return make(ExprKind::True, loc);
        case Concept::False: next(); return make(ExprKind::False, loc);
        case Concept::None: next(); return make(ExprKind::None, loc);
        case Concept::Yield: return yield_expr();
        default:
          if (at_name()) {
            auto e = make(ExprKind::Name, loc);
            e->name = next().text;
            return e;
          }
          fail_unexpected(t);
      }
    case Tok::Op:
      if (t.text == "(") { next(); return paren_atom(loc); }
      if (t.text == "[") { next(); return list_atom(loc); }
      if (t.text == "{") { next(); return brace_atom(loc); }
      if (t.text == "...") { next(); return make(ExprKind::Ellipsis, loc); }
      fail_unexpected(t);
    default:
      fail_unexpected(t);
  }
}

ExprP Parser::paren_atom(Loc loc) {
  bool saved_in = no_in_, saved_tern = no_ternary_;
  no_in_ = no_ternary_ = false;
  struct Restore {
    Parser* p; bool in, tern;
    ~Restore() { p->no_in_ = in; p->no_ternary_ = tern; }
  } restore{this, saved_in, saved_tern};
  if (accept_op(")")) {
    auto e = make(ExprKind::Tuple, loc);
    e->paren = true;
    return e;
  }
  if (at_kw(Concept::Yield)) {
    ExprP y = yield_expr();
    expect_op(")");
    return y;
  }
  ExprP first = star_expr_or_test();
  if (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For))) {
    auto gen = make(ExprKind::GeneratorExp, loc);
    gen->a = std::move(first);
    gen->gens = comp_for();
    expect_op(")");
    return gen;
  }
  if (accept_op(")")) {
    if (first->kind == ExprKind::Starred) fail_unexpected(toks_[pos_ - 1]);
    first->paren = true;
    return first;
  }
  auto tup = make(ExprKind::Tuple, loc);
  tup->paren = true;
  tup->items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op(")")) break;
    tup->items.push_back(star_expr_or_test());
  }
  expect_op(")");
  return tup;
}

ExprP Parser::list_atom(Loc loc) {
  bool saved_in = no_in_, saved_tern = no_ternary_;
  no_in_ = no_ternary_ = false;
  auto lst = make(ExprKind::List, loc);
  if (!at_op("]")) {
    ExprP first = star_expr_or_test();
    if (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For))) {
      auto comp = make(ExprKind::ListComp, loc);
      comp->a = std::move(first);
      comp->gens = comp_for();
      expect_op("]");
      no_in_ = saved_in;
      no_ternary_ = saved_tern;
      return comp;
    }
    lst->items.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      lst->items.push_back(star_expr_or_test());
    }
  }
  expect_op("]");
  no_in_ = saved_in;
  no_ternary_ = saved_tern;
  return lst;
}

ExprP Parser::brace_atom(Loc loc) {
  bool saved_in = no_in_, saved_tern = no_ternary_;
  no_in_ = no_ternary_ = false;
  struct Restore {
    Parser* p; bool in, tern;
    ~Restore() { p->no_in_ = in; p->no_ternary_ = tern; }
  } restore{this, saved_in, saved_tern};
  if (accept_op("}")) return make(ExprKind::Dict, loc);
  // Dict display or comprehension: first item is "k: v" or "**m".
  bool is_dict = false;
  ExprP key, value;
  if (accept_op("**")) {
    is_dict = true;
    value = bitor_expr();
  } else {
    key = star_expr_or_test();
    if (accept_op(":")) {
      is_dict = true;
      value = test();
    }
  }
  if (is_dict) {
    if (key && (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For)))) {
      auto comp = make(ExprKind::DictComp, loc);
      comp->a = std::move(key);
      comp->b = std::move(value);
      comp->gens = comp_for();
      expect_op("}");
      return comp;
    }
    auto d = make(ExprKind::Dict, loc);
    d->items.push_back(std::move(key));
    d->values.push_back(std::move(value));
    while (accept_op(",")) {
      if (at_op("}")) break;
      if (accept_op("**")) {
        d->items.push_back(nullptr);
        d->values.push_back(bitor_expr());
      } else {
        d->items.push_back(test());
        expect_op(":");
        d->values.push_back(test());
      }
    }
    expect_op("}");
    return d;
  }
  if (at_kw(Concept::For) || (at_kw(Concept::Async) && peek().is_kw(Concept::For))) {
    auto comp = make(ExprKind::SetComp, loc);
    comp->a = std::move(key);
    comp->gens = comp_for();
    expect_op("}");
    return comp;
  }
  auto s = make(ExprKind::Set, loc);
  s->items.push_back(std::move(key));
  while (accept_op(",")) {
    if (at_op("}")) break;
    s->items.push_back(star_expr_or_test());
  }
  expect_op("}");
  return s;
}

// Adjacent literals concatenate; any f-string among them makes the whole an FString.
ExprP Parser::strings() {
  Loc loc = cur().loc;
  bool bytes = cur().is_bytes;
  std::vector<ExprP> parts;
  bool any_f = false;
  while (cur().kind == Tok::Str) {
    const Token& t = next();
    if (t.is_bytes != bytes) fail("syntax.mixed_bytes", {}, t.loc);
    if (t.is_fstring) {
      any_f = true;
      parts.push_back(parse_fstring_body(t));
    } else {
      auto s = make(ExprKind::Str, t.loc);
      s->str = t.value;
      parts.push_back(std::move(s));
    }
  }
  if (!any_f) {
    auto s = make(bytes ? ExprKind::Bytes : ExprKind::Str, loc);
    for (auto& p : parts) s->str += p->str;
    return s;
  }
  auto f = make(ExprKind::FString, loc);
  for (auto& p : parts) {
    if (p->kind == ExprKind::FString)
      for (auto& piece : p->items) f->items.push_back(std::move(piece));
    else
      f->items.push_back(std::move(p));
  }
  return f;
}

void Parser::check_target(const Expr& e, bool allow_star) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return;
    case ExprKind::Starred:
      if (!allow_star) break;
      check_target(*e.a, false);
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& it : e.items) check_target(*it, true);
      return;
    default:
      break;
  }
  // Keys of syntax.word_* messages, by ExprKind; True/False/None/lambda are keyword spellings.
  static const char* what[] = {"identifier", "literal", "literal", "literal", "literal", "literal", "literal",
                               "True", "False", "None", "literal", "expression", "expression",
                               "expression", "comparison", "conditional", "lambda",
                               "named_expression", "call"};
  int k = static_cast<int>(e.kind);
  std::string w = k < static_cast<int>(sizeof what / sizeof *what) ? what[k] : "expression";
  if (w == "True" || w == "False" || w == "None" || w == "lambda") {
    Concept c = w == "True" ? Concept::True : w == "False" ? Concept::False : w == "None" ? Concept::None : Concept::Lambda;
    w = kw(c);
  } else {
    w = word(w.c_str());
  }
  fail("syntax.invalid_target", {{"what", w}}, e.loc);
}

}  // namespace ml
