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
namespace {
// A `break` of the loop whose body this is (not of a loop inside it).
bool breaks(const ast::Body& body) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::Break) return true;
    if (s->kind != StmtKind::For && s->kind != StmtKind::While && (breaks(s->body) || breaks(s->orelse))) return true;
  }
  return false;
}
}  // namespace

bool always_returns(const ast::Body& body) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::Return) return true;
    // while True: / while 1: without a break of its own only ends by returning (or raising)
    if (s->kind == StmtKind::While && !breaks(s->body) &&
        (s->value->kind == ExprKind::True || (s->value->kind == ExprKind::Int && s->value->int_fits && s->value->ival != 0)))
      return true;
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

namespace {
void count_target(const Expr& t, std::map<std::string, int>& out) {
  if (t.kind == ExprKind::Name) out[t.name]++;
  else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
    for (const auto& i : t.items) count_target(*i, out);
}
void count_bindings(const ast::Body& body, std::map<std::string, int>& out) {
  for (const auto& s : body) {
    if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) {
      out[s->name]++;
      continue;
    }
    if (s->kind == StmtKind::Assign || s->kind == StmtKind::AugAssign || s->kind == StmtKind::AnnAssign ||
        s->kind == StmtKind::For)
      for (const auto& t : s->targets) count_target(*t, out);
    count_bindings(s->body, out);
    count_bindings(s->orelse, out);
  }
}
}  // namespace

// `push = xs.append` (or .insert, .pop) at the top level of a function, where push is bound
// nowhere else and xs is either a parameter never rebound or bound once before this statement:
// every call push(...) is then xs.append(...) on the same list, as in Python.
std::map<std::string, const Expr*> find_method_aliases(const ast::Body& body, const std::set<std::string>& params) {
  std::map<std::string, int> n;
  count_bindings(body, n);
  std::map<std::string, const Expr*> out;
  std::set<std::string> bound_before;
  for (const auto& s : body) {
    if (s->kind == StmtKind::Assign && s->targets.size() == 1 && s->targets[0]->kind == ExprKind::Name &&
        s->value->kind == ExprKind::Attribute && s->value->a->kind == ExprKind::Name &&
        (s->value->name == "append" || s->value->name == "insert" || s->value->name == "pop")) {
      const std::string& alias = s->targets[0]->name;
      const std::string& obj = s->value->a->name;
      bool obj_fixed = params.count(obj) ? n[obj] == 0 : n[obj] == 1 && bound_before.count(obj);
      if (n[alias] == 1 && !params.count(alias) && alias != obj && obj_fixed) out[alias] = s->value.get();
    }
    if (s->kind == StmtKind::Assign)
      for (const auto& t : s->targets) collect_target(*t, bound_before);
  }
  return out;
}

bool is_method_alias(const FuncSpec& S, const Stmt& s) {
  if (s.kind != StmtKind::Assign || s.targets.size() != 1 || s.targets[0]->kind != ExprKind::Name) return false;
  auto it = S.method_aliases.find(s.targets[0]->name);
  return it != S.method_aliases.end() && it->second == s.value.get();
}

}  // namespace ml::wasm
