#include "interp/scope.h"

#include <algorithm>

namespace ml::interp {

using namespace ast;

namespace {

struct Analyzer {
  ScopeTable& t;
  explicit Analyzer(ScopeTable& tt) : t(tt) {}

  Scope* child(Scope* parent, Scope::Kind k, const void* node, std::string name) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->parent = parent;
    s->name = std::move(name);
    Scope* raw = s.get();
    parent->children.push_back(std::move(s));
    t.of[node] = raw;
    return raw;
  }

  void bind(Scope* s, const std::string& n) { s->sym(n).bound = true; }

  void target(const Expr& e, Scope* s) {
    switch (e.kind) {
      case ExprKind::Name: bind(s, e.name); break;
      case ExprKind::Tuple: case ExprKind::List:
        for (auto& x : e.items) if (x) target(*x, s);
        break;
      case ExprKind::Starred: if (e.a) target(*e.a, s); break;
      case ExprKind::Attribute: if (e.a) expr(*e.a, s); break;
      case ExprKind::Subscript: if (e.a) expr(*e.a, s); if (e.b) expr(*e.b, s); break;
      default: expr(e, s); break;
    }
  }

  void params(const Params& p, Scope* outer, Scope* inner) {
    auto one = [&](const Param& q) {
      if (q.default_value) expr(*q.default_value, outer);
      Sym& y = inner->sym(q.name);
      y.param = true;
      y.bound = true;
    };
    for (auto& q : p.posonly) one(q);
    for (auto& q : p.args) one(q);
    if (p.vararg) one(*p.vararg);
    for (auto& q : p.kwonly) one(q);
    if (p.kwarg) one(*p.kwarg);
  }

  void comprehension(const Expr& e, Scope* s) {
    if (!e.gens.empty() && e.gens[0].iter) expr(*e.gens[0].iter, s);
    Scope* c = child(s, Scope::Function, &e, "<comprehension>");
    c->comp = true;
    if (e.kind == ExprKind::GeneratorExp) c->has_yield = true;
    Sym& p = c->sym(".0");
    p.param = p.bound = true;
    for (size_t i = 0; i < e.gens.size(); ++i) {
      auto& g = e.gens[i];
      if (i > 0 && g.iter) expr(*g.iter, c);
      if (g.target) target(*g.target, c);
      for (auto& f : g.ifs) if (f) expr(*f, c);
    }
    if (e.a) expr(*e.a, c);
    if (e.b) expr(*e.b, c);
  }

  void pattern(const Expr& e, Scope* s) {
    switch (e.kind) {
      case ExprKind::Name: if (e.name != "_") bind(s, e.name); break;
      case ExprKind::Tuple: case ExprKind::List: case ExprKind::Set:
        for (auto& x : e.items) if (x) pattern(*x, s);
        break;
      case ExprKind::Starred: if (e.a) pattern(*e.a, s); break;
      case ExprKind::Call:
        if (e.a) expr(*e.a, s);
        for (auto& a : e.args) if (a.value) pattern(*a.value, s);
        break;
      case ExprKind::Dict:
        for (auto& k : e.items) if (k) expr(*k, s);
        for (auto& v : e.values) if (v) pattern(*v, s);
        break;
      case ExprKind::BinOp: if (e.a) pattern(*e.a, s); if (e.b) pattern(*e.b, s); break;
      case ExprKind::NamedExpr: bind(s, e.name); if (e.a) pattern(*e.a, s); break;
      default: expr(e, s); break;
    }
  }

  void expr(const Expr& e, Scope* s) {
    switch (e.kind) {
      case ExprKind::Name: s->sym(e.name).used = true; return;
      case ExprKind::Lambda: {
        Scope* c = child(s, Scope::Function, &e, "<lambda>");
        if (e.params) params(*e.params, s, c);
        if (e.a) expr(*e.a, c);
        return;
      }
      case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp:
        comprehension(e, s);
        return;
      case ExprKind::NamedExpr: {
        if (e.a) expr(*e.a, s);
        Scope* tgt = s;
        while (tgt->comp && tgt->parent) {
          Sym& y = tgt->sym(e.name);
          if (tgt->parent->kind == Scope::Module || (tgt->parent->comp == false && tgt->parent->kind == Scope::Module)) y.global = true;
          else y.nonlocal = true;
          tgt = tgt->parent;
        }
        if (tgt->kind == Scope::Module) {
          // comprehension scopes above marked global already
        }
        bind(tgt, e.name);
        return;
      }
      case ExprKind::Yield: case ExprKind::YieldFrom:
        s->has_yield = true;
        break;
      default: break;
    }
    if (e.a) expr(*e.a, s);
    if (e.b) expr(*e.b, s);
    if (e.c) expr(*e.c, s);
    for (auto& x : e.items) if (x) expr(*x, s);
    for (auto& x : e.values) if (x) expr(*x, s);
    for (auto& a : e.args) if (a.value) expr(*a.value, s);
  }

  void body(const Body& b, Scope* s) {
    for (auto& st : b) stmt(*st, s);
  }

  void stmt(const Stmt& st, Scope* s) {
    switch (st.kind) {
      case StmtKind::FunctionDef: {
        for (auto& d : st.decorators) if (d) expr(*d, s);
        bind(s, st.name);
        Scope* c = child(s, Scope::Function, &st, st.name);
        if (st.params) params(*st.params, s, c);
        body(st.body, c);
        if (st.is_generator) c->has_yield = true;
        return;
      }
      case StmtKind::ClassDef: {
        for (auto& d : st.decorators) if (d) expr(*d, s);
        for (auto& a : st.bases) if (a.value) expr(*a.value, s);
        bind(s, st.name);
        Scope* c = child(s, Scope::Class, &st, st.name);
        body(st.body, c);
        return;
      }
      case StmtKind::Global:
        for (auto& n : st.names) s->sym(n.name).global = true;
        return;
      case StmtKind::Nonlocal:
        for (auto& n : st.names) s->sym(n.name).nonlocal = true;
        return;
      case StmtKind::Import:
        for (auto& n : st.names) {
          std::string nm = n.asname.empty() ? n.name.substr(0, n.name.find('.')) : n.asname;
          bind(s, nm);
        }
        return;
      case StmtKind::ImportFrom:
        for (auto& n : st.names)
          if (n.name != "*") bind(s, n.asname.empty() ? n.name : n.asname);
        return;
      case StmtKind::Assign: case StmtKind::AnnAssign: case StmtKind::AugAssign:
        if (st.value) expr(*st.value, s);
        // an annotation outside functions is evaluated, so its lambdas need their scopes
        if (st.kind == StmtKind::AnnAssign && st.extra) expr(*st.extra, s);
        for (auto& tg : st.targets) if (tg) {
          target(*tg, s);
          if (st.kind == StmtKind::AugAssign && tg->kind == ExprKind::Name) s->sym(tg->name).used = true;
        }
        return;
      case StmtKind::For:
        if (st.iter) expr(*st.iter, s);
        for (auto& tg : st.targets) if (tg) target(*tg, s);
        body(st.body, s);
        body(st.orelse, s);
        return;
      case StmtKind::Del:
        for (auto& tg : st.targets) if (tg) target(*tg, s);
        return;
      case StmtKind::With:
        for (auto& it : st.items) {
          if (it.context) expr(*it.context, s);
          if (it.target) target(*it.target, s);
        }
        body(st.body, s);
        return;
      case StmtKind::Try:
        body(st.body, s);
        for (auto& h : st.handlers) {
          if (h.type) expr(*h.type, s);
          if (!h.name.empty()) bind(s, h.name);
          body(h.body, s);
        }
        body(st.orelse, s);
        body(st.finalbody, s);
        return;
      case StmtKind::Match:
        if (st.value) expr(*st.value, s);
        for (auto& c : st.cases) {
          if (c.pattern) pattern(*c.pattern, s);
          if (c.guard) expr(*c.guard, s);
          body(c.body, s);
        }
        return;
      default: break;
    }
    if (st.value) expr(*st.value, s);
    if (st.extra) expr(*st.extra, s);
    if (st.iter) expr(*st.iter, s);
    for (auto& tg : st.targets) if (tg) expr(*tg, s);
    body(st.body, s);
    body(st.orelse, s);
    body(st.finalbody, s);
  }

  // ---- resolution
  static void add_free(Scope* s, const std::string& n) {
    if (s->free_index(n) < 0) s->freevars.push_back(n);
  }

  bool find_enclosing(Scope* s, const std::string& n) {
    std::vector<Scope*> path;
    for (Scope* p = s->parent; p; p = p->parent) {
      if (p->kind == Scope::Module) return false;
      if (p->kind == Scope::Class) { path.push_back(p); continue; }
      auto it = p->syms.find(n);
      if (it != p->syms.end()) {
        Sym& q = it->second;
        if (q.global) return false;
        if (q.nonlocal || q.free || q.bound || q.param) {
          if (!q.nonlocal && !q.free) q.cell = true;
          for (Scope* m : path) {
            add_free(m, n);
            if (m->kind == Scope::Function) m->sym(n).free = true;
          }
          add_free(s, n);
          return true;
        }
      }
      path.push_back(p);
    }
    return false;
  }

  void resolve(Scope* s) {
    if (s->kind != Scope::Module) {
      std::vector<std::string> names = s->order;
      for (auto& n : names) {
        Sym& y = s->syms[n];
        if (y.global) continue;
        if (y.nonlocal) {
          if (find_enclosing(s, n)) s->syms[n].free = true;
          else s->syms[n].global = true;
          continue;
        }
        if (y.bound || y.param) continue;
        if (y.free) continue;
        if (find_enclosing(s, n)) {
          if (s->kind == Scope::Function) s->syms[n].free = true;
        }
      }
    }
    for (auto& c : s->children) resolve(c.get());
  }
};

}  // namespace

ScopeTable analyze_scopes(const ast::Module& m) {
  ScopeTable t;
  t.root = std::make_unique<Scope>();
  t.root->kind = Scope::Module;
  Analyzer a(t);
  a.body(m.body, t.root.get());
  a.resolve(t.root.get());
  return t;
}

}  // namespace ml::interp
