// The typer over binary operators on instances: `a + b` calls the __add__ the program's class
// defines (or the right operand's __radd__), as Python does. A method compiled code can type
// never returns NotImplemented (a module-level name it does not read), so the first method
// Python would try is the one that answers; the cases where Python tries the right operand's
// reflected method first (its class a subclass of the left's) stay interpreted.
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

namespace {
const char* dunder_of(ast::BinOp op) {
  switch (op) {
    case ast::BinOp::Add: return "add";
    case ast::BinOp::Sub: return "sub";
    case ast::BinOp::Mul: return "mul";
    case ast::BinOp::Div: return "truediv";
    case ast::BinOp::FloorDiv: return "floordiv";
    case ast::BinOp::Mod: return "mod";
    case ast::BinOp::Pow: return "pow";
    case ast::BinOp::MatMul: return "matmul";
    case ast::BinOp::LShift: return "lshift";
    case ast::BinOp::RShift: return "rshift";
    case ast::BinOp::BitAnd: return "and";
    case ast::BinOp::BitOr: return "or";
    case ast::BinOp::BitXor: return "xor";
  }
  return "?";
}
}  // namespace

Type FuncTyper::instance_binop(const Expr& e, Type a, Type b) {
  std::string op = dunder_of(e.bin), name = "__" + op + "__", rname = "__r" + op + "__";
  std::string what = std::string("operator ") + binop_text(e.bin) + " on " + a.name() + " and " + b.name();
  const Stmt* def = nullptr;
  bool reflected = false;
  if (a.is_obj()) {
    if (b.is_obj() && b.class_name() != a.class_name() && T.find_method(b.class_name(), rname))
      fail(what, e.loc, "the right operand defines " + rname);
    def = T.find_method(a.class_name(), name);
    if (!def && b.is_obj()) {
      def = T.find_method(b.class_name(), rname);
      reflected = true;
    }
  } else if (a.arith()) {
    def = T.find_method(b.class_name(), rname);
    reflected = true;
  }
  if (!def) fail(what, e.loc);
  const ast::Params& p = *def->params;
  if (p.args.size() != 2 || !p.posonly.empty() || p.vararg || p.kwarg || !p.kwonly.empty())
    fail(what, e.loc, "a method with other than two parameters");
  std::vector<Type> args = reflected ? std::vector<Type>{b, a} : std::vector<Type>{a, b};
  FuncSpec* callee = specialized_callee(def, args, e.loc);
  CallInfo ci;
  ci.kind = CallInfo::User;
  ci.callee = callee;
  ci.name = callee->name;
  ci.bound = true;
  ci.reflected = reflected;
  S.calls[&e] = ci;
  Type r = callee->ret;
  if (r.known() && r.depth == 0 && r.base == Base::None) fail("using the None result of " + callee->name + "()", e.loc);
  return record(e, r);
}

}  // namespace ml::wasm
