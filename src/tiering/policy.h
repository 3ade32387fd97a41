// When a function of the program runs compiled: the hot policy, kept apart from compiling and
// calling so that it can be driven directly (tests/tiering). It sees only counts, times and
// reasons; the caller (compiled_calls.cpp) does the compiling and the calling.
#pragma once
#include <string>

namespace ml::tiering {

struct PolicyOptions {
  // false (--backend wasm): every call is offered to the compiler and a function stays
  // compiled. true (--backend auto): compile only what has proven hot, and hand back to the
  // interpreter a function whose compiled calls cost little more than the crossing.
  bool adaptive = false;
  // Compiling costs about a millisecond per function, so a function is compiled once it has
  // proven hot (hot_calls interpreted calls), or at its first call if it has loops or calls
  // the program's functions and compiling so far has taken less than compile_budget_ms plus
  // compile_share of the run's time.
  int hot_calls = 32;
  double compile_budget_ms = 50.0;
  double compile_share = 0.2;
  // The compiled calls timed before deciding, and the mean below which a call is "quick".
  int trial_calls = 16;
  double quick_call_us = 10.0;
  // After this many calls in a row handed back to the interpreter (a compile that failed, an
  // argument compiled code does not take, a fallback at run time), the function is left to
  // the interpreter for good.
  int give_up_after = 3;
};

// What the policy knows of one function.
struct FunctionState {
  bool straight_line = false;  // no loops and no calls of the program's functions (set by the caller)
  int interpreted_calls = 0;   // calls before it was first offered to the compiler
  bool offered = false;
  bool settled_interpreted = false;  // the adaptive policy gave it back to the interpreter
  int fallbacks_in_row = 0;
  int fallbacks = 0;
  std::string last_reason;  // why the last call did not run compiled ("" when it did)
  int trial_calls = 0;
  double trial_ns = 0;
  double trial_max_ns = 0;  // the slowest trial call (left out of the mean: see ran_compiled)
};

class HotPolicy {
 public:
  explicit HotPolicy(PolicyOptions o = {}) : o_(o) {}
  const PolicyOptions& options() const { return o_; }

  // Before a call: true when it should be tried compiled. False with `why` set when the
  // refusal is worth telling (--explain), with `why` empty when the function was already
  // given up. `run_ms`: how long the program has run.
  bool offer(FunctionState& st, double run_ms, std::string& why);
  // Time spent compiling (code generation and the engine's compile), against the budget.
  void spent_compiling(double ms) { compile_ms_ += ms; }
  double compile_ms() const { return compile_ms_; }
  // The engine has started (for a function with loops): bounded functions may now be compiled too.
  void engine_running() { engine_running_ = true; }
  // The offered call ran interpreted after all (did not compile, argument not taken, fallback).
  void fell_back(FunctionState& st, std::string reason);
  // The offered call ran compiled in `ns`. False when the function is from now on left to the
  // interpreter (adaptive: its calls are quick and its body bounded), with `why` saying so.
  bool ran_compiled(FunctionState& st, double ns, std::string& why);
  // Refused only because the engine has not started: nothing changes for it until it starts.
  bool waits_for_engine(const FunctionState& st) const {
    return o_.adaptive && !st.offered && st.straight_line && !engine_running_ && !given_up(st);
  }
  bool given_up(const FunctionState& st) const {
    return st.settled_interpreted || st.fallbacks_in_row >= o_.give_up_after;
  }

 private:
  PolicyOptions o_;
  double compile_ms_ = 0;
  bool engine_running_ = false;
};

}  // namespace ml::tiering
