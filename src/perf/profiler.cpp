#include "perf/profiler.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace ml::perf {

std::optional<SortKey> parse_sort_key(std::string_view s) {
  if (s == "cumulative" || s == "cumtime" || s == "cum") return SortKey::Cumulative;
  if (s == "total" || s == "tottime" || s == "time") return SortKey::Total;
  if (s == "calls" || s == "ncalls") return SortKey::Calls;
  if (s == "name") return SortKey::Name;
  return std::nullopt;
}

Profiler::Profiler(Clock clock) : clock_(std::move(clock)) {}

int64_t Profiler::now() const {
  if (clock_) return clock_();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Profiler::FuncId Profiler::function(std::string_view name, std::string_view file, int line, std::string_view backend) {
  for (size_t i = 0; i < funcs_.size(); ++i) {
    auto& f = funcs_[i];
    if (f.name == name && f.file == file && f.line == line && f.backend == backend) return FuncId(i);
  }
  FunctionProfile p;
  p.name = std::string(name);
  p.file = std::string(file);
  p.line = line;
  p.backend = std::string(backend);
  funcs_.push_back(std::move(p));
  active_.push_back(0);
  return FuncId(funcs_.size() - 1);
}

void Profiler::enter(FuncId f) {
  if (f >= funcs_.size()) throw std::out_of_range("Profiler::enter: unknown function id");
  ++active_[f];
  stack_.push_back(Frame{f, now()});
}

void Profiler::leave() {
  if (stack_.empty()) throw std::logic_error("Profiler::leave without an active function");
  int64_t t = now();
  Frame fr = stack_.back();
  stack_.pop_back();
  int64_t elapsed = t - fr.start;
  FunctionProfile& p = funcs_[fr.f];
  // The outermost active frame of this function: only it adds to cumtime (cProfile's rule).
  bool outer = --active_[fr.f] == 0;
  ++p.calls;
  p.tottime += double(elapsed - fr.callees) * 1e-9;
  if (outer) {
    ++p.primitive_calls;
    p.cumtime += double(elapsed) * 1e-9;
  }
  if (!stack_.empty()) stack_.back().callees += elapsed;
}

void Profiler::relabel_top(FuncId f) {
  if (stack_.empty()) throw std::logic_error("Profiler::relabel_top without an active function");
  if (f >= funcs_.size()) throw std::out_of_range("Profiler::relabel_top: unknown function id");
  --active_[stack_.back().f];
  ++active_[f];
  stack_.back().f = f;
}

void Profiler::unwind_to(size_t depth) {
  while (stack_.size() > depth) leave();
}

std::vector<FunctionProfile> Profiler::entries(SortKey sort) const {
  std::vector<FunctionProfile> v;
  for (auto& f : funcs_)
    if (f.calls) v.push_back(f);
  auto by_name = [](const FunctionProfile& a, const FunctionProfile& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    if (a.name != b.name) return a.name < b.name;
    return a.backend < b.backend;
  };
  std::stable_sort(v.begin(), v.end(), [&](const FunctionProfile& a, const FunctionProfile& b) {
    switch (sort) {
      case SortKey::Cumulative:
        if (a.cumtime != b.cumtime) return a.cumtime > b.cumtime;
        break;
      case SortKey::Total:
        if (a.tottime != b.tottime) return a.tottime > b.tottime;
        break;
      case SortKey::Calls:
        if (a.calls != b.calls) return a.calls > b.calls;
        break;
      case SortKey::Name: break;
    }
    return by_name(a, b);
  });
  return v;
}

const FunctionProfile* Profiler::find(std::string_view name, std::string_view backend) const {
  for (auto& f : funcs_)
    if (f.name == name && (backend.empty() || f.backend == backend)) return &f;
  return nullptr;
}

uint64_t Profiler::total_calls() const {
  uint64_t n = 0;
  for (auto& f : funcs_) n += f.calls;
  return n;
}

uint64_t Profiler::primitive_calls() const {
  uint64_t n = 0;
  for (auto& f : funcs_) n += f.primitive_calls;
  return n;
}

double Profiler::total_seconds() const {
  double s = 0;
  for (auto& f : funcs_) s += f.tottime;
  return s;
}

std::string Profiler::report(SortKey sort, size_t limit) const {
  auto rows = entries(sort);
  uint64_t calls = total_calls(), prim = primitive_calls();
  std::string o;
  if (calls == prim)
    o += fmt::format("         {} function call{} in {:.3f} seconds\n\n", calls, calls == 1 ? "" : "s", total_seconds());
  else
    o += fmt::format("         {} function calls ({} primitive call{}) in {:.3f} seconds\n\n", calls, prim,
                     prim == 1 ? "" : "s", total_seconds());
  static const char* names[] = {"cumulative time", "internal time", "call count", "function name"};
  o += fmt::format("   Ordered by: {}\n", names[int(sort)]);
  size_t shown = rows.size();
  if (limit && limit < rows.size()) {
    o += fmt::format("   List reduced from {} to {} due to restriction <{}>\n", rows.size(), limit, limit);
    shown = limit;
  }
  o += "\n";
  size_t bw = 7;
  for (size_t i = 0; i < shown; ++i) bw = std::max(bw, rows[i].backend.size());
  o += fmt::format("{:>9} {:>8} {:>8} {:>8} {:>8} {:<{}} {}\n", "ncalls", "tottime", "percall", "cumtime", "percall",
                   "backend", bw, "filename:lineno(function)");
  for (size_t i = 0; i < shown; ++i) {
    auto& r = rows[i];
    std::string n = r.calls == r.primitive_calls ? std::to_string(r.calls)
                                                 : fmt::format("{}/{}", r.calls, r.primitive_calls);
    std::string where = r.file.empty() ? fmt::format("{{{}}}", r.name) : fmt::format("{}:{}({})", r.file, r.line, r.name);
    o += fmt::format("{:>9} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:<{}} {}\n", n, r.tottime, r.percall_total(), r.cumtime,
                     r.percall_cumulative(), r.backend, bw, where);
  }
  o += "\n";
  return o;
}

void Profiler::clear() {
  // Ids stay valid: the function table is kept, its counts are zeroed.
  for (auto& f : funcs_) f.calls = f.primitive_calls = 0, f.tottime = f.cumtime = 0;
  std::fill(active_.begin(), active_.end(), 0u);
  stack_.clear();
}

}  // namespace ml::perf
