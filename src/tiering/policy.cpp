#include "tiering/policy.h"

#include <algorithm>

#include <fmt/format.h>

namespace ml::tiering {

// Until a function is first offered to the compiler: is it hot enough to be worth compiling?
// (Interpreting a call costs nothing up front; compiling one costs about a millisecond, which
// a program of thousands of functions each called once would pay thousands of times.)
bool HotPolicy::offer(FunctionState& st, long calls, std::string& why) {
  why.clear();
  if (given_up(st)) return false;
  if (!o_.adaptive || st.offered) return st.offered = true;
  ++st.interpreted_calls;
  if (st.straight_line && !engine_running_) {
    // A bounded body gains at most a microsecond or so a call from compiling, and starting the
    // engine costs tens of milliseconds: such functions never start it by themselves. (Said
    // once: this refusal is on the path of every call.)
    if (st.interpreted_calls == 1)
      why = "no loops: not worth starting the WebAssembly engine for (compiled when it runs and the function is hot)";
    return false;
  }
  if (st.interpreted_calls >= o_.hot_calls) return st.offered = true;
  if (st.straight_line) {  // bounded work per call: wait until hot
    why = fmt::format("not hot yet: no loops; compiled once called {} times", o_.hot_calls);
    return false;
  }
  long allowance = o_.compile_budget + (o_.calls_per_unit > 0 ? calls / o_.calls_per_unit : 0);
  if (compile_units_ < allowance) return st.offered = true;
  why = fmt::format("not hot yet: compiling had used its share of the run; compiled once called {} times",
                    o_.hot_calls);
  return false;
}

void HotPolicy::fell_back(FunctionState& st, std::string reason) {
  st.fallbacks_in_row++;
  st.fallbacks++;
  st.last_reason = std::move(reason);
}

bool HotPolicy::ran_compiled(FunctionState& st, double ns, std::string& why) {
  st.fallbacks_in_row = 0;
  st.last_reason.clear();
  if (!o_.adaptive || st.trial_calls >= o_.trial_calls) return true;
  st.trial_ns += ns;
  st.trial_max_ns = std::max(st.trial_max_ns, ns);
  if (++st.trial_calls < o_.trial_calls) return true;
  // A call costs the crossing into WebAssembly and back; a function that does little more
  // than that, with a body of bounded size, is quicker interpreted. The slowest trial call is
  // left out: the first call of new code also pays for the engine compiling it lazily.
  double us = o_.trial_calls > 1 ? (st.trial_ns - st.trial_max_ns) / (o_.trial_calls - 1) / 1000.0
                                 : st.trial_ns / o_.trial_calls / 1000.0;
  st.compiled_us = us;
  if (us >= o_.quick_call_us || !st.straight_line) return true;
  st.settled_interpreted = true;
  why = fmt::format("after {} calls of {:.1f} us compiled, mostly crossing into WebAssembly and back: a body "
                    "without loops is quicker interpreted (--backend wasm keeps it compiled)",
                    o_.trial_calls, us);
  st.last_reason = why;
  return false;
}

bool HotPolicy::ran_interpreted(FunctionState& st, double ns, std::string& why) {
  st.interpreted_ns += ns;
  st.interpreted_max_ns = std::max(st.interpreted_max_ns, ns);
  if (++st.interpreted_trials < o_.interpreted_trials) return true;
  // (the slowest left out, as for the compiled calls)
  int n = o_.interpreted_trials;
  double us = n > 1 ? (st.interpreted_ns - st.interpreted_max_ns) / (n - 1) / 1000.0 : st.interpreted_ns / 1000.0;
  if (us > st.compiled_us) return true;
  st.settled_interpreted = true;
  why = fmt::format("{} calls took {:.1f} us compiled and {:.1f} us interpreted: crossing into WebAssembly and "
                    "back (with copying instances) costs more than compiling saves (--backend wasm keeps it "
                    "compiled)",
                    o_.trial_calls, st.compiled_us, us);
  st.last_reason = why;
  return false;
}

}  // namespace ml::tiering
