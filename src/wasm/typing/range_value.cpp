// range(...) as a value: `range_it = range(n)` and then `for _ in range_it:`, the way most
// benchmark drivers loop. The value is the range's start, stop and step, fixed when range()
// is called (as Python evaluates its arguments then); compiled code takes it only as the
// value of a local and the iterable of a `for`, anything else stays interpreted with its
// reason. range() in a `for` header needs no value and is typed by iter_elem.
#include "wasm/typing/func_typer.h"

namespace ml::wasm {

// `range(...)` naming the builtin (not a module function or local of that name)
bool FuncTyper::is_range_call(const Expr& e) {
  return e.kind == ExprKind::Call && e.a->kind == ExprKind::Name && !resolve(e.a->name) &&
         !T.find_function(e.a->name) && T.builtin_of(e.a->name) == "range";
}

// range()'s arguments: one to three ints or bools, positional
void FuncTyper::range_args(const Expr& it) {
  if (it.args.empty() || it.args.size() > 3) fail("range() with " + std::to_string(it.args.size()) + " arguments", it.loc);
  for (const auto& a : it.args) {
    if (a.kind != ast::Arg::Positional) fail("keyword argument to range()", it.loc);
    Type t = expr(*a.value);
    if (t.known() && !(t == kInt || t == kBool)) fail("range() over " + t.a_name(), a.value->loc);
  }
  CallInfo ci;
  ci.name = "range";
  S.calls[&it] = ci;
}

Type FuncTyper::range_value(const Expr& e) {
  if (!S.def) fail("range() outside a for loop", e.loc, "a module variable");
  range_args(e);
  return record(e, kRange);
}

}  // namespace ml::wasm
