// _coswitch: the one primitive stdlib/threading.py builds its threads on. Each thread's body runs
// as a coroutine on a stack of its own (frame.cpp's generator stacks); suspend() leaves it from
// wherever it has got to (deep inside a Queue.get or a Lock.acquire) back to whoever resumed it
// with send(), and returns what the next send() passes in. A thread running compiled code on its
// stack cannot be left that way (try_suspend says so): it waits by running the others in place.
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

void init_coswitch() {
  Value m = lib_module("_coswitch");
  DictObj* d = module_dict(m);
  def_native(d, "suspend", [](ARGS) -> Value {
    check_args("suspend", n, 0, 1);
    Value sent;
    if (!suspend_driven_coroutine(n ? a[0] : Value(), sent))
      raise_id("RuntimeError", "runtime.coswitch_outside");
    return sent;
  });
  // try_suspend(): suspend() if the thread can be suspended here (True once resumed), else False
  // at once: compiled code is running on the thread's stack, and the caller waits in place.
  def_native(d, "try_suspend", [](ARGS) -> Value {
    check_args("try_suspend", n, 0, 0);
    Value sent;
    return Value::boolean(suspend_driven_coroutine(Value(), sent));
  });
}

}  // namespace ml::interp
