#include "tiering/body_shape.h"

namespace ml::tiering {

namespace {

bool straight_line_expr(const ast::Expr* e, const std::set<std::string>& fns) {
  if (!e) return true;
  switch (e->kind) {
    case ast::ExprKind::ListComp: case ast::ExprKind::SetComp: case ast::ExprKind::DictComp:
    case ast::ExprKind::GeneratorExp: case ast::ExprKind::Lambda:
      return false;
    case ast::ExprKind::Call:
      if (e->a && e->a->kind == ast::ExprKind::Name && fns.count(e->a->name)) return false;
      break;
    default: break;
  }
  for (const ast::Expr* c : {e->a.get(), e->b.get(), e->c.get()})
    if (!straight_line_expr(c, fns)) return false;
  for (const auto& i : e->items)
    if (!straight_line_expr(i.get(), fns)) return false;
  for (const auto& a : e->args)
    if (!straight_line_expr(a.value.get(), fns)) return false;
  return true;
}

}  // namespace

bool straight_line(const ast::Body& body, const std::set<std::string>& fns) {
  for (const auto& s : body) {
    if (s->kind == ast::StmtKind::For || s->kind == ast::StmtKind::While) return false;
    if (!straight_line_expr(s->value.get(), fns)) return false;
    for (const auto& t : s->targets)
      if (!straight_line_expr(t.get(), fns)) return false;
    if (!straight_line(s->body, fns) || !straight_line(s->orelse, fns)) return false;
  }
  return true;
}

}  // namespace ml::tiering
