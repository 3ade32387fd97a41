// The match statement: patterns compiled to a small tree of matchers (wildcards, captures,
// values, sequences, mappings, class patterns, alternatives, `as`).
#include "interp/compile_impl.h"

namespace ml::interp {

using namespace ast;

struct Compiler::PNode {
  enum Kind { Wild, Capture, Value_, Seq, Class, Or, Mapping, As } kind = Wild;
  TP capture;
  EP value;
  bool identity = false;  // None/True/False compare by identity
  std::vector<std::unique_ptr<PNode>> items;
  int star = -1;  // Seq: index of the starred sub-pattern
  std::vector<std::pair<std::string, std::unique_ptr<PNode>>> kw;
  std::vector<EP> keys;

  bool match(Frame& fr, const Value& v) {
    switch (kind) {
      case Wild: return true;
      case Capture: capture->store(fr, v); return true;
      case As: if (!items[0]->match(fr, v)) return false; capture->store(fr, v); return true;
      case Value_: {
        Value x = value->eval(fr);
        return identity ? x.same(v) : eq(v, x);
      }
      case Or:
        for (auto& p : items) if (p->match(fr, v)) return true;
        return false;
      case Seq: {
        if (!(v.is(OK::List) || v.is(OK::Tuple) || v.is(OK::Range))) return false;
        ValueVec xs = to_vec(v);
        size_t n = xs.size(), k = items.size();
        if (star < 0) {
          if (n != k) return false;
          for (size_t i = 0; i < k; ++i) if (!items[i]->match(fr, xs[i])) return false;
          return true;
        }
        if (n < k - 1) return false;
        size_t after = k - 1 - star;
        for (int i = 0; i < star; ++i) if (!items[i]->match(fr, xs[i])) return false;
        for (size_t i = 0; i < after; ++i) if (!items[star + 1 + i]->match(fr, xs[n - after + i])) return false;
        if (items[star]->kind == Capture) items[star]->capture->store(fr, mk_list(ValueVec(xs.begin() + star, xs.begin() + (n - after))));
        return true;
      }
      case Mapping: {
        if (!v.is(OK::Dict)) return false;
        for (size_t i = 0; i < keys.size(); ++i) {
          Value k = keys[i]->eval(fr);
          Value* x = v.as<DictObj>()->find(k);
          if (!x || !items[i]->match(fr, *x)) return false;
        }
        return true;
      }
      case Class: {
        Value cls = value->eval(fr);
        if (!cls.is(OK::Class)) raise_id("TypeError", "runtime.match_not_class");
        auto* c = cls.as<ClassObj>();
        if (!type_of(v)->is_subclass(c)) return false;
        if (!items.empty()) {
          const Value* ma = c->find("__match_args__");
          bool self_match = c->builtin;
          if (self_match && items.size() == 1) {
            if (!items[0]->match(fr, v)) return false;
          } else {
            if (!ma || !ma->is(OK::Tuple)) raise_id("TypeError", "runtime.match_no_positional", {{"name", c->name}});
            auto& names = ma->as<TupleObj>()->v;
            if (items.size() > names.size()) raise_id("TypeError", "runtime.match_positional_count", {{"name", c->name}, {"count", std::to_string(names.size())}});
            for (size_t i = 0; i < items.size(); ++i) {
              Value a;
              if (!getattr_opt(v, str_of(names[i]), a)) return false;
              if (!items[i]->match(fr, a)) return false;
            }
          }
        }
        for (auto& [n, p] : kw) {
          Value a;
          if (!getattr_opt(v, n, a)) return false;
          if (!p->match(fr, a)) return false;
        }
        return true;
      }
    }
    return false;
  }
};

std::unique_ptr<Compiler::PNode> Compiler::pattern(const Expr& e) {
  auto p = std::make_unique<PNode>();
  switch (e.kind) {
    case ExprKind::Name:
      if (e.name == "_") p->kind = PNode::Wild;
      else { p->kind = PNode::Capture; p->capture = store_name(e.name, e.loc); }
      return p;
    case ExprKind::None: case ExprKind::True: case ExprKind::False:
      p->kind = PNode::Value_;
      p->identity = true;
      p->value = expr(e);
      return p;
    case ExprKind::Tuple: case ExprKind::List:
      p->kind = PNode::Seq;
      for (size_t i = 0; i < e.items.size(); ++i) {
        if (e.items[i]->kind == ExprKind::Starred) {
          p->star = (int)i;
          p->items.push_back(pattern(*e.items[i]->a));
        } else {
          p->items.push_back(pattern(*e.items[i]));
        }
      }
      return p;
    case ExprKind::BinOp:
      if (e.bin == BinOp::BitOr) {
        p->kind = PNode::Or;
        p->items.push_back(pattern(*e.a));
        p->items.push_back(pattern(*e.b));
        return p;
      }
      break;
    case ExprKind::Call:
      p->kind = PNode::Class;
      p->value = expr(*e.a);
      for (auto& a : e.args) {
        if (a.kind == Arg::Keyword) p->kw.emplace_back(a.name, pattern(*a.value));
        else p->items.push_back(pattern(*a.value));
      }
      return p;
    case ExprKind::Dict:
      p->kind = PNode::Mapping;
      for (size_t i = 0; i < e.items.size(); ++i) {
        if (!e.items[i]) continue;
        p->keys.push_back(expr(*e.items[i]));
        p->items.push_back(pattern(*e.values[i]));
      }
      return p;
    case ExprKind::NamedExpr:
      p->kind = PNode::As;
      p->items.push_back(pattern(*e.a));
      p->capture = store_name(e.name, e.loc);
      return p;
    default: break;
  }
  p->kind = PNode::Value_;
  p->value = expr(e);
  return p;
}

struct MatchStmt : SNode {
  EP subject;
  struct Case {
    std::unique_ptr<Compiler::PNode> pat;  // null = default
    EP guard;
    SP body;
  };
  std::vector<Case> cases;
  Exec exec(Frame& fr) override {
    Value v = subject->eval(fr);
    for (auto& c : cases) {
      bool ok;
      ML_GUARD(ok = !c.pat || c.pat->match(fr, v));
      if (!ok) continue;
      if (c.guard && !truthy(c.guard->eval(fr))) continue;
      return c.body->exec(fr);
    }
    return Exec::Normal;
  }
};

SP Compiler::match_stmt(const Stmt& s) {
  auto* n = new MatchStmt();
  n->loc = s.loc;
  n->subject = expr(*s.value);
  for (auto& c : s.cases) {
    MatchStmt::Case cc;
    if (c.pattern) cc.pat = pattern(*c.pattern);
    if (c.guard) cc.guard = expr(*c.guard);
    cc.body = block(c.body);
    n->cases.push_back(std::move(cc));
  }
  return SP(n);
}

}  // namespace ml::interp
