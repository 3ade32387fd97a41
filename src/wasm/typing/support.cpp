// Small helpers of the typer: construct names for reasons, control-flow and binding scans.
#include "wasm/typing/func_typer.h"

namespace ml::wasm {


const char* stmt_construct(StmtKind k) {
  switch (k) {
    case StmtKind::FunctionDef: return "nested function definition";
    case StmtKind::ClassDef: return "class definition";
    case StmtKind::Try: return "try statement";
    case StmtKind::Raise: return "raise statement";
    case StmtKind::With: return "with statement";
    case StmtKind::Import: case StmtKind::ImportFrom: return "import statement";
    case StmtKind::Global: return "global statement";
    case StmtKind::Nonlocal: return "nonlocal statement";
    case StmtKind::Assert: return "assert statement";
    case StmtKind::Del: return "del statement";
    case StmtKind::Match: return "match statement";
    default: return "statement";
  }
}

const char* expr_construct(ExprKind k) {
  switch (k) {
    case ExprKind::Str: return "string value";
    case ExprKind::Bytes: return "bytes value";
    case ExprKind::FString: return "f-string";
    case ExprKind::None: return "None value";
    case ExprKind::Ellipsis: return "Ellipsis";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::NamedExpr: return "assignment expression (:=)";
    case ExprKind::Attribute: return "attribute access";
    case ExprKind::Slice: return "slice";
    case ExprKind::Starred: return "starred expression";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Set: case ExprKind::SetComp: return "set";
    case ExprKind::Dict: case ExprKind::DictComp: return "dict";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Await: return "await";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield";
    default: return "expression";
  }
}

const char* binop_text(ast::BinOp op) {
  switch (op) {
    case ast::BinOp::Add: return "+";
    case ast::BinOp::Sub: return "-";
    case ast::BinOp::Mul: return "*";
    case ast::BinOp::Div: return "/";
    case ast::BinOp::FloorDiv: return "//";
    case ast::BinOp::Mod: return "%";
    case ast::BinOp::Pow: return "**";
    case ast::BinOp::MatMul: return "@";
    case ast::BinOp::LShift: return "<<";
    case ast::BinOp::RShift: return ">>";
    case ast::BinOp::BitAnd: return "&";
    case ast::BinOp::BitOr: return "|";
    case ast::BinOp::BitXor: return "^";
  }
  return "?";
}

// Does executing `body` always end in return (so control never falls off its end)?
bool always_returns(const ast::Body& body) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::Return) return true;
    if (s->kind == StmtKind::If && !s->orelse.empty() && always_returns(s->body) && always_returns(s->orelse))
      return true;
  }
  return false;
}

// Names bound in a function body (not inside comprehensions).
void collect_target(const Expr& t, std::set<std::string>& out) {
  if (t.kind == ExprKind::Name) out.insert(t.name);
  else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
    for (const auto& i : t.items) collect_target(*i, out);
}
void collect_assigned(const ast::Body& body, std::set<std::string>& out) {
  for (const auto& s : body) {
    switch (s->kind) {
      case StmtKind::Assign:
      case StmtKind::AugAssign:
      case StmtKind::AnnAssign:
      case StmtKind::For:
        for (const auto& t : s->targets) collect_target(*t, out);
        break;
      case StmtKind::FunctionDef:
      case StmtKind::ClassDef:
        continue;  // their own scopes
      default: break;
    }
    collect_assigned(s->body, out);
    collect_assigned(s->orelse, out);
  }
}

}  // namespace ml::wasm
