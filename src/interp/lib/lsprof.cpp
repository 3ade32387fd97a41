// _lsprof: what stdlib/cProfile.py measures with. While enabled, the interpreter reports every
// call of a Python function (CallObserver, as for `multilingual profile`) and this module counts,
// per function and per caller of it, CPython's numbers: calls, primitive calls (those not made
// while the function was already running), time in the function itself and time including what
// it called (counted once for recursion). Functions written in C++ (builtins) are not seen.
#include <chrono>
#include <map>
#include <vector>

#include "interp/code.h"
#include "interp/interpreter.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

struct Counts {
  int64_t calls = 0, primitive = 0;
  double tottime = 0, cumtime = 0;
};

struct FuncStats {
  std::string name, file;
  int line = 0;
  Counts own;
  std::map<const void*, Counts> callers;  // null key: called from the top (no profiled caller)
};

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

struct Recorder : CallObserver {
  std::map<const void*, FuncStats> funcs;
  struct Active {
    const void* key;
    const void* caller;
    double start, children = 0;
    bool primitive, pair_primitive;
  };
  std::vector<Active> stack;
  // How many times each function, and each caller-callee pair, is on the stack: a call is
  // primitive for the function (and for the pair) when none was.
  std::map<const void*, int> running;
  std::map<std::pair<const void*, const void*>, int> running_pairs;
  bool on = false;

  void enter(const void* key, const std::string& name, const std::string& file, int line) override {
    if (!on) return;
    FuncStats& fs = funcs[key];
    if (fs.name.empty()) {
      fs.name = name;
      fs.file = file;
      fs.line = line;
    }
    const void* caller = stack.empty() ? nullptr : stack.back().key;
    int& r = running[key];
    int& rp = running_pairs[{caller, key}];
    stack.push_back({key, caller, now(), 0, r == 0, rp == 0});
    ++r;
    ++rp;
  }
  // (Calls entered while profiling still report their end after disable(): ignored.)
  void leave() override {
    if (!on || stack.empty()) return;
    Active a = stack.back();
    stack.pop_back();
    double elapsed = now() - a.start;
    --running[a.key];
    --running_pairs[{a.caller, a.key}];
    if (!stack.empty()) stack.back().children += elapsed;
    FuncStats& fs = funcs[a.key];
    Counts* counts[2] = {&fs.own, &fs.callers[a.caller]};
    bool primitive[2] = {a.primitive, a.pair_primitive};
    for (int i = 0; i < 2; ++i) {
      Counts* c = counts[i];
      ++c->calls;
      c->tottime += elapsed - a.children;
      if (primitive[i]) {
        ++c->primitive;
        c->cumtime += elapsed;
      }
    }
  }
};

// One for the whole run: a call entered while it was enabled reports its end to it even after
// disable().
Recorder g_rec;

// A caller's counts, (calls, primitive calls, tottime, cumtime) as cProfile orders them there.
Value caller_tuple(const Counts& c) {
  return mk_tuple({Value::integer(c.calls), Value::integer(c.primitive), Value::flt(c.tottime), Value::flt(c.cumtime)});
}

Value func_key(const FuncStats& fs) {
  return mk_tuple({mk_str(fs.file), Value::integer(fs.line), mk_str(fs.name)});
}

// {(file, line, name): (primitive calls, calls, tottime, cumtime, {caller key: caller_tuple})},
// pstats' layout.
Value stats_dict(const Recorder& r) {
  Value out = mk_dict();
  for (const auto& [key, fs] : r.funcs) {
    if (fs.own.calls == 0) continue;
    Value callers = mk_dict();
    for (const auto& [ck, c] : fs.callers) {
      if (!ck) continue;
      auto it = r.funcs.find(ck);
      if (it != r.funcs.end()) setitem(callers, func_key(it->second), caller_tuple(c));
    }
    const Counts& c = fs.own;
    setitem(out, func_key(fs), mk_tuple({Value::integer(c.primitive), Value::integer(c.calls), Value::flt(c.tottime),
                                         Value::flt(c.cumtime), callers}));
  }
  return out;
}

}  // namespace

void init_lsprof() {
  Value m = lib_module("_lsprof");
  DictObj* d = module_dict(m);
  // enable(): starts counting (False when profiling is on already, by this module or another
  // tool); disable(): stops and returns the stats counted since enable().
  def_native(d, "enable", [](ARGS) -> Value {
    if (g_rec.on || I->observer) return Value::boolean(false);
    g_rec.funcs.clear();
    g_rec.running.clear();
    g_rec.running_pairs.clear();
    g_rec.stack.clear();
    g_rec.on = true;
    I->observer = &g_rec;
    I->call_hooks = true;
    return Value::boolean(true);
  });
  def_native(d, "disable", [](ARGS) -> Value {
    if (!g_rec.on) return mk_dict();
    // Calls still running (the one that called disable()) end here, as CPython counts them.
    while (!g_rec.stack.empty()) g_rec.leave();
    g_rec.on = false;
    if (I->observer == &g_rec) I->observer = nullptr;
    I->call_hooks = I->observer || I->try_call_compiled;
    return stats_dict(g_rec);
  });
}

}  // namespace ml::interp
