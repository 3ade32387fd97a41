#pragma once
// A per-function profiler with cProfile's rules, for `multilingual profile FILE`.
//
// The interpreter calls enter() when a function starts and leave() when it returns (or unwinds);
// functions that run in WASM are entered/left the same way with backend "wasm". Per function
// (name, file, line, backend):
//   ncalls    every call; "total/primitive" when recursive (primitive = calls that were not
//             already active further up the stack), as cProfile prints "177/1"
//   tottime   time in the function itself, excluding the functions it called
//   cumtime   time including callees, counted only for the outermost active frame of the
//             function, so recursion is not counted twice (cProfile's rule)
//   percall   tottime / ncalls and cumtime / primitive calls
//
//   Profiler prof;
//   auto fib = prof.function("fib", "fib.multi", 1, "interpreter");
//   prof.enter(fib); ... prof.leave();
//   std::cout << prof.report(SortKey::Cumulative, 20);
// Not thread-safe: one profiler per interpreter thread.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ml::perf {

enum class SortKey { Cumulative, Total, Calls, Name };
// "cumulative"/"cumtime", "total"/"tottime", "calls"/"ncalls", "name"; nullopt otherwise.
std::optional<SortKey> parse_sort_key(std::string_view s);

struct FunctionProfile {
  std::string name, file, backend;
  int line = 0;
  uint64_t calls = 0, primitive_calls = 0;
  double tottime = 0, cumtime = 0;  // seconds
  double percall_total() const { return calls ? tottime / double(calls) : 0; }
  double percall_cumulative() const { return primitive_calls ? cumtime / double(primitive_calls) : 0; }
};

class Profiler {
 public:
  using FuncId = uint32_t;
  using Clock = std::function<int64_t()>;  // nanoseconds, monotonic

  // Default clock: std::chrono::steady_clock. Tests pass a fake clock.
  explicit Profiler(Clock clock = {});

  // The id of a function (created on first use; the same key gives the same id).
  FuncId function(std::string_view name, std::string_view file = "", int line = 0,
                  std::string_view backend = "interpreter");
  void enter(FuncId f);
  void enter(std::string_view name, std::string_view file = "", int line = 0,
             std::string_view backend = "interpreter") {
    enter(function(name, file, line, backend));
  }
  // Leaves the innermost active function; throws std::logic_error when none is active.
  void leave();
  // Leaves frames until `depth` remain (exceptions unwinding several frames at once).
  void unwind_to(size_t depth);
  size_t depth() const { return stack_.size(); }
  // The innermost active call turns out to belong to `f` (e.g. the same function, but it ran
  // as WebAssembly): its time goes to `f` when it leaves.
  void relabel_top(FuncId f);

  // Profiles so far (functions still active are not counted until they leave).
  std::vector<FunctionProfile> entries(SortKey sort = SortKey::Cumulative) const;
  const FunctionProfile* find(std::string_view name, std::string_view backend = {}) const;
  uint64_t total_calls() const;
  uint64_t primitive_calls() const;
  double total_seconds() const;  // sum of tottime
  // cProfile-style table; limit 0 = all rows.
  std::string report(SortKey sort = SortKey::Cumulative, size_t limit = 0) const;
  // Zeroes every count (function ids stay valid) and forgets active frames.
  void clear();

  // RAII: enter now, leave at scope exit.
  class Scope {
   public:
    Scope(Profiler& p, FuncId f) : p_(p), depth_(p.depth()) { p_.enter(f); }
    ~Scope() { p_.unwind_to(depth_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Profiler& p_;
    size_t depth_;
  };

 private:
  struct Frame {
    FuncId f;
    int64_t start;
    int64_t callees = 0;  // time spent in functions called from this frame
  };
  int64_t now() const;
  Clock clock_;
  std::vector<FunctionProfile> funcs_;
  std::vector<uint32_t> active_;  // per function: frames currently on the stack
  std::vector<Frame> stack_;
};

}  // namespace ml::perf
