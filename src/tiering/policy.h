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
  // the program's functions and compiling so far has used less than compile_budget units
  // plus one unit per calls_per_unit calls offered so far. A unit is one function compiled
  // (a specialization, its callees each counting too) or refused by the typer: counting
  // work instead of time keeps what compiles the same from run to run, however loaded the
  // machine is. (50 units is about 50 ms of compiling; 5,000 interpreted calls take about
  // 5 ms, so a unit per 5,000 calls is the 20% share of the run's time the budget allows.)
  int hot_calls = 32;
  int compile_budget = 50;
  long calls_per_unit = 5000;
  // The compiled calls timed before deciding, and the mean below which a call is "quick".
  int trial_calls = 16;
  double quick_call_us = 10.0;
  // A function taking values copied into linear memory (lists, strings, tuples, instances)
  // whose compiled calls took less than compare_below_us after its trial (where
  // the crossing, with its copying of instances, is a large part of a call) then has
  // interpreted_trials calls timed on the interpreter: if those are no slower than its
  // compiled calls, it is left to the interpreter. (Longer calls stay compiled untimed: the
  // crossing is a few microseconds, and an interpreted trial of a long call costs the run.)
  double compare_below_us = 50.0;
  int interpreted_trials = 8;
  // The instances (copied in and out at each call) a function without loops may take: a
  // call whose arguments reach more is left to the interpreter (adaptive only).
  int straight_line_instances = 4;
  // After this many calls in a row handed back to the interpreter (a compile that failed, an
  // argument compiled code does not take, a fallback at run time), the function is left to
  // the interpreter for good.
  int give_up_after = 3;
};

// What the policy knows of one function.
struct FunctionState {
  bool straight_line = false;  // no loops and no calls of the program's functions (set by the caller)
  bool copies = false;  // some call passed a list, string, tuple or instance (copied into linear memory)
  int interpreted_calls = 0;   // calls before it was first offered to the compiler
  bool offered = false;
  bool settled_interpreted = false;  // the adaptive policy gave it back to the interpreter
  int fallbacks_in_row = 0;
  int fallbacks = 0;
  std::string last_reason;  // why the last call did not run compiled ("" when it did)
  int trial_calls = 0;
  double trial_ns = 0;
  double trial_max_ns = 0;  // the slowest trial call (left out of the mean: see ran_compiled)
  double compiled_us = 0;   // the mean of the compiled trial calls, once they are over
  // the calls timed on the interpreter to compare with (see PolicyOptions::compare_below_us)
  int interpreted_trials = 0;
  double interpreted_ns = 0;
  double interpreted_max_ns = 0;
};

class HotPolicy {
 public:
  explicit HotPolicy(PolicyOptions o = {}) : o_(o) {}
  const PolicyOptions& options() const { return o_; }

  // Before a call: true when it should be tried compiled. False with `why` set when the
  // refusal is worth telling (--explain), with `why` empty when the function was already
  // given up. `calls`: how many calls have been offered so far (the run's progress).
  bool offer(FunctionState& st, long calls, std::string& why);
  // Work spent compiling (see PolicyOptions::compile_budget), against the budget.
  void spent_compiling(int units) { compile_units_ += units; }
  long compile_units() const { return compile_units_; }
  // The engine has started (for a function with loops): bounded functions may now be compiled too.
  void engine_running() { engine_running_ = true; }
  // The offered call ran interpreted after all (did not compile, argument not taken, fallback).
  void fell_back(FunctionState& st, std::string reason);
  // The offered call ran compiled in `ns`. False when the function is from now on left to the
  // interpreter (adaptive: its calls are quick and its body bounded), with `why` saying so.
  bool ran_compiled(FunctionState& st, double ns, std::string& why);
  // The next call should run on the interpreter, timed (ran_interpreted), to compare with the
  // compiled calls.
  bool wants_interpreted_trial(const FunctionState& st) const {
    return o_.adaptive && st.copies && st.trial_calls >= o_.trial_calls && st.compiled_us < o_.compare_below_us &&
           st.interpreted_trials < o_.interpreted_trials && !given_up(st);
  }
  // An interpreted trial call took `ns`. False when the function is from now on left to the
  // interpreter (its interpreted calls are no slower than its compiled ones), `why` saying so.
  bool ran_interpreted(FunctionState& st, double ns, std::string& why);
  // Refused only because the engine has not started: nothing changes for it until it starts.
  bool waits_for_engine(const FunctionState& st) const {
    return o_.adaptive && !st.offered && st.straight_line && !engine_running_ && !given_up(st);
  }
  bool given_up(const FunctionState& st) const {
    return st.settled_interpreted || st.fallbacks_in_row >= o_.give_up_after;
  }

 private:
  PolicyOptions o_;
  long compile_units_ = 0;
  bool engine_running_ = false;
};

}  // namespace ml::tiering
