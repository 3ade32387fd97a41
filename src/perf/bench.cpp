#include "perf/bench.h"

#include <fmt/format.h>
#include <dlfcn.h>
#include <malloc.h>
#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#endif
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace ml::perf {

// ------------------------------------------------------------------ workloads

int64_t Workload::param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) throw std::out_of_range(fmt::format("workload {} {} has no parameter '{}'", op, size, name));
  return it->second;
}

const std::vector<std::string>& operation_names() {
  static const std::vector<std::string> n = {"matmul", "xor", "fib", "json_parse", "json_tape", "blur", "montecarlo"};
  return n;
}

namespace {

Workload wl(std::string op, std::string size, std::map<std::string, int64_t> params, std::string desc) {
  Workload w;
  w.op = std::move(op);
  w.size = std::move(size);
  w.params = std::move(params);
  w.description = std::move(desc);
  return w;
}

std::string mm_desc(int64_t n) {
  return fmt::format("{0}x{0} matrix product of doubles (a[i][j] = (i*{0}+j)/1000, b[i][j] = (i-j)/500)", n);
}

}  // namespace

std::vector<Workload> workloads(const std::string& sizes) {
  std::vector<Workload> v;
  const std::string xor_desc = "XOR cipher of a byte buffer (byte i = (i*31+7) % 256) with the 16-byte key "
                               "\"multilingual-key\"";
  const std::string json_desc = "parse a JSON document (an array of records with ints, floats, strings, "
                                "booleans, nested arrays) into values";
  const std::string tape_desc = "the same JSON document parsed into the kernel's tape only (no values built), "
                                "then counted (runtime operation json_stats)";
  const std::string blur_desc = "3x3 box blur (radius 1, separable, clamped edges) of an RGB image";
  const std::string mc_desc = "Monte Carlo estimate of pi from N points (splitmix64, seed 42)";
  const std::string fib_desc = "naive doubly recursive Fibonacci";
  if (sizes == "seed") {
    auto a = wl("matmul", "1000x1000", {{"size", 1000}}, mm_desc(1000));
    a.seed_python_ms = 5000, a.seed_wasm_ms = 50, a.memory_table = true, a.seed_memory = "~16MB";
    auto b = wl("matmul", "100x100", {{"size", 100}}, mm_desc(100));
    b.seed_python_ms = 50, b.seed_wasm_ms = 1, b.memory_table = true, b.seed_memory = "~160KB";
    auto c = wl("xor", "1 MB", {{"nbytes", 1 << 20}}, xor_desc);
    c.seed_python_ms = 500, c.seed_wasm_ms = 5;
    auto c2 = wl("xor", "10 MB", {{"nbytes", 10 << 20}}, xor_desc);
    c2.speed_table = false, c2.memory_table = true, c2.seed_memory = "~20MB";
    auto d = wl("fib", "30", {{"n", 30}}, fib_desc);
    d.seed_python_ms = 200, d.seed_wasm_ms = 2, d.memory_table = true, d.seed_memory = "~1KB";
    auto e = wl("json_parse", "10 MB", {{"records", 80650}}, json_desc);
    e.seed_python_ms = 200, e.seed_wasm_ms = 20;
    auto e2 = wl("json_tape", "10 MB", {{"records", 80650}}, tape_desc);
    auto f = wl("blur", "4K (3840x2160)", {{"width", 3840}, {"height", 2160}}, blur_desc);
    f.seed_python_ms = 2000, f.seed_wasm_ms = 40, f.memory_table = true, f.seed_memory = "~50MB";
    auto g = wl("montecarlo", "1M", {{"samples", 1000000}}, mc_desc);
    g.seed_python_ms = 1000, g.seed_wasm_ms = 10;
    v = {a, b, c, c2, d, e, e2, f, g};
  } else if (sizes == "quick") {
    auto a = wl("matmul", "24x24", {{"size", 24}}, mm_desc(24));
    a.memory_table = true;
    auto b = wl("matmul", "8x8", {{"size", 8}}, mm_desc(8));
    auto c = wl("xor", "16 KB", {{"nbytes", 16 << 10}}, xor_desc);
    c.memory_table = true;
    auto d = wl("fib", "12", {{"n", 12}}, fib_desc);
    d.memory_table = true;
    auto e = wl("json_parse", "7 KB", {{"records", 60}}, json_desc);
    auto e2 = wl("json_tape", "7 KB", {{"records", 60}}, tape_desc);
    auto f = wl("blur", "32x18", {{"width", 32}, {"height", 18}}, blur_desc);
    f.memory_table = true;
    auto g = wl("montecarlo", "5k", {{"samples", 5000}}, mc_desc);
    v = {a, b, c, d, e, e2, f, g};
  } else if (sizes == "compare") {
    // the sizes the programs in bench/programs/ have by default, plus matmul 1000x1000
    // (scripts/compare.sh: the side-by-side run)
    v = {wl("matmul", "200x200", {{"size", 200}}, mm_desc(200)),
         wl("matmul", "1000x1000", {{"size", 1000}}, mm_desc(1000)),
         wl("xor", "1 MB", {{"nbytes", 1 << 20}}, xor_desc),
         wl("fib", "30", {{"n", 30}}, fib_desc),
         wl("json_parse", "10 MB", {{"records", 80650}}, json_desc),
         wl("json_tape", "10 MB", {{"records", 80650}}, tape_desc),
         wl("blur", "1024x1024", {{"width", 1024}, {"height", 1024}}, blur_desc),
         wl("montecarlo", "1M", {{"samples", 1000000}}, mc_desc)};
  } else {
    throw std::invalid_argument(fmt::format("unknown --sizes '{}' (expected seed, quick or compare)", sizes));
  }
  for (auto& w : v) w.kernels_only = w.op == "json_tape";
  return v;
}

std::string_view to_string(MemoryKind k) {
  switch (k) {
    case MemoryKind::None: return "none";
    case MemoryKind::RssDelta: return "rss-delta";
    case MemoryKind::WasmLinearMemory: return "wasm-linear-memory";
    case MemoryKind::ProcessMaxRss: return "process-maxrss";
    case MemoryKind::Reported: return "reported";
  }
  return "?";
}

// ------------------------------------------------------------------ registry

namespace {

std::mutex& reg_mutex() {
  static std::mutex m;
  return m;
}
std::vector<BackendInfo>& reg() {
  static std::vector<BackendInfo> r;
  return r;
}

int order_of(const std::string& name) {
  static const std::vector<std::string> order = {"python", "interpreted", "compiled", "native", "wasm"};
  auto it = std::find(order.begin(), order.end(), name);
  return it == order.end() ? int(order.size()) : int(it - order.begin());
}

void add_to(std::vector<BackendInfo>& v, BackendInfo b) {
  for (auto& x : v)
    if (x.name == b.name) {
      x = std::move(b);
      return;
    }
  v.push_back(std::move(b));
  std::stable_sort(v.begin(), v.end(),
                   [](const BackendInfo& a, const BackendInfo& b) { return order_of(a.name) < order_of(b.name); });
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// How the allocators treat big and freed memory. While a case's memory is measured (its first
// calls), big buffers come from and go back to the OS, so RSS deltas reflect each case, not the
// high-water mark of earlier ones (glibc otherwise raises this threshold dynamically). The warm
// calls after that keep what they free: a buffer of the previous call (a matrix, the heap of 1.6
// million JSON values) is reused as it would be by a program calling the same operation again,
// instead of being given back and faulted in afresh, 4 KiB at a time or through compaction for
// 2 MiB pages, on every call. The executables' C++ allocations come from mimalloc when it is
// linked in (support/replace_new.cpp), found here at run time: it gives freed memory back
// ("decommits" it) 25 ms after it was freed, which is about every call of the big cases; during
// the warm calls that delay is an hour, and at the end of the case the memory is given back.
// (mimalloc 2.1 renamed the option: there this leaves mimalloc as it is.)
void mimalloc_keep_freed(bool keep) {
#if defined(MI_MALLOC_VERSION) && MI_MALLOC_VERSION < 210
  using Get = long (*)(mi_option_t);
  using Set = void (*)(mi_option_t, long);
  using Collect = void (*)(bool);
  static Get get = reinterpret_cast<Get>(dlsym(RTLD_DEFAULT, "mi_option_get"));
  static Set set = reinterpret_cast<Set>(dlsym(RTLD_DEFAULT, "mi_option_set"));
  static Collect collect = reinterpret_cast<Collect>(dlsym(RTLD_DEFAULT, "mi_collect"));
  static long usual = -1;
  if (!get || !set || !collect) return;
  if (keep) {
    if (usual < 0) usual = get(mi_option_decommit_delay);
    set(mi_option_decommit_delay, 3600L * 1000);
  } else if (usual >= 0) {
    set(mi_option_decommit_delay, usual);
    collect(true);  // what waited an hour is given back now
  }
#else
  (void)keep;
#endif
}
void measuring_malloc() {
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);  // glibc's default
  mimalloc_keep_freed(false);
}
void warm_malloc() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest (DEFAULT_MMAP_THRESHOLD_MAX)
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mimalloc_keep_freed(true);
}

// Samples the process RSS every millisecond while alive; peak() is the largest seen.
class RssSampler {
 public:
  RssSampler() : peak_(current_rss_bytes()) {
    th_ = std::thread([this] {
      while (!stop_.load()) {
        uint64_t r = current_rss_bytes();
        uint64_t p = peak_.load();
        while (r > p && !peak_.compare_exchange_weak(p, r)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  }
  ~RssSampler() { stop(); }
  uint64_t stop() {
    if (th_.joinable()) {
      stop_ = true;
      th_.join();
      uint64_t r = current_rss_bytes();
      if (r > peak_) peak_ = r;
    }
    return peak_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> peak_;
  std::thread th_;
};

}  // namespace

void register_backend(std::string name, BackendFactory factory, std::string description) {
  std::lock_guard<std::mutex> g(reg_mutex());
  add_to(reg(), BackendInfo{std::move(name), std::move(factory), std::move(description)});
}

void unregister_backend(const std::string& name) {
  std::lock_guard<std::mutex> g(reg_mutex());
  std::erase_if(reg(), [&](const BackendInfo& b) { return b.name == name; });
}

std::vector<BackendInfo> registered_backends() {
  std::lock_guard<std::mutex> g(reg_mutex());
  return reg();
}

uint64_t current_rss_bytes() {
  std::ifstream f("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * uint64_t(sysconf(_SC_PAGESIZE));
}

uint64_t max_rss_bytes() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return uint64_t(ru.ru_maxrss) * 1024;
}

// ------------------------------------------------------------------ harness

Harness::Harness(HarnessOptions opt) : opt_(std::move(opt)) {
  backends_ = registered_backends();
  if (!opt_.progress_out) opt_.progress_out = &std::cerr;
  if (opt_.progress == ProgressMode::Auto)
    opt_.progress = (opt_.progress_out == &std::cerr && isatty(2)) ? ProgressMode::Bar : ProgressMode::Lines;
  bar_ = opt_.progress == ProgressMode::Bar;
  measuring_malloc();
}

void Harness::add_backend(std::string name, BackendFactory factory, std::string description) {
  add_to(backends_, BackendInfo{std::move(name), std::move(factory), std::move(description)});
}

std::vector<std::string> Harness::backend_names() const {
  std::vector<std::string> n;
  for (auto& b : backends_) n.push_back(b.name);
  return n;
}

Result Harness::run_case(const Workload& w, const BackendInfo& b) {
  Result r;
  r.op = w.op;
  r.size = w.size;
  r.backend = b.name;
  r.seed_python_ms = w.seed_python_ms;
  r.seed_wasm_ms = w.seed_wasm_ms;
  r.seed_memory = w.seed_memory;
  r.speed_table = w.speed_table;
  r.memory_table = w.memory_table;
  Case c;
  try {
    c = b.factory(w);
  } catch (const std::exception& e) {
    r.error = e.what();
    return r;
  }
  r.note = c.note;
  if (!c.skip.empty()) {
    r.skipped = c.skip;
    return r;
  }
  if (!c.run) {
    r.error = "the backend gave no run function";
    return r;
  }
  malloc_trim(0);
  uint64_t base_rss = current_rss_bytes();
  std::optional<RssSampler> sampler;
  if (!c.memory) sampler.emplace();
  std::vector<double> colds;  // Case::cold_ms after each run, when the case has it
  auto timed = [&]() {
    double t0 = now_ms();
    c.run();
    double t = now_ms() - t0;
    if (c.last_ms) t = c.last_ms();
    if (c.cold_ms) colds.push_back(c.cold_ms());
    return t;
  };
  try {
    if (c.setup) c.setup();
    double first = timed();
    // A case that reports its cold time: every run is a fresh process, the first call is the cold
    // time (and the budget rules below go by it); the first run's own warm time is not a sample
    // (as for other backends, warm samples are the runs after the first).
    r.first_ms = c.cold_ms ? colds.back() : first;
    std::vector<double> samples;
    int min_reps = opt_.min_reps;
    if (r.first_ms >= opt_.budget_ms) min_reps = 1;
    if (r.first_ms < opt_.single_shot_ms) {
      double start = now_ms(), prev = -1;
      while (int(samples.size()) < opt_.max_reps) {
        samples.push_back(timed());
        if (samples.size() == 1) {
          if (sampler) {
            uint64_t peak = sampler->stop();
            r.peak_bytes = peak > base_rss ? peak - base_rss : 0;
            r.memory_kind = MemoryKind::RssDelta;
            sampler.reset();
          }
          warm_malloc();
        }
        if (int(samples.size()) >= min_reps) {
          double m = median_of(samples);
          if (prev > 0 && std::abs(m - prev) <= opt_.rel_tolerance * prev) {
            r.stable = true;
            break;
          }
          prev = m;
        }
        if (now_ms() - start > opt_.budget_ms && int(samples.size()) >= std::min(min_reps, 1)) break;
      }
    }
    if (samples.empty()) samples.push_back(first);  // single shot: the first call is the sample
    // each run of a cold_ms case measured a first call in a fresh process: report their median
    if (c.cold_ms) r.first_ms = median_of(colds);
    r.reps = int(samples.size());
    r.median_ms = median_of(samples);
    r.min_ms = *std::min_element(samples.begin(), samples.end());
    r.max_ms = *std::max_element(samples.begin(), samples.end());
    double sum = 0;
    for (double s : samples) sum += s;
    r.mean_ms = sum / double(samples.size());
    if (sampler) {
      uint64_t peak = sampler->stop();
      r.peak_bytes = peak > base_rss ? peak - base_rss : 0;
      r.memory_kind = MemoryKind::RssDelta;
    }
    if (c.memory) {
      r.peak_bytes = c.memory();
      r.memory_kind = c.memory_kind;
    }
    if (c.output) r.output = c.output();
    r.note = c.note;
    r.ok = true;
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  try {
    if (c.teardown) c.teardown();
  } catch (const std::exception& e) {
    if (r.error.empty()) r.error = std::string("teardown: ") + e.what();
    r.ok = false;
  }
  measuring_malloc();
  return r;
}

void Harness::progress(size_t done, size_t total, const std::string& what, const Result* r) {
  if (opt_.progress == ProgressMode::None) return;
  std::ostream& o = *opt_.progress_out;
  if (bar_) {
    const int width = 30;
    int filled = total ? int(double(done) / double(total) * width) : width;
    std::string bar(size_t(filled), '#');
    bar += std::string(size_t(width - filled), '.');
    std::string line = fmt::format("\r[{}] {:>3}/{} {}", bar, done, total, what);
    if (line.size() < 90) line += std::string(90 - line.size(), ' ');
    o << line;
    if (done == total) o << "\n";
    o.flush();
  } else if (r) {
    std::string res = !r->skipped.empty() ? "skipped (" + r->skipped + ")"
                      : !r->ok            ? "error: " + r->error
                                          : fmt::format("{} median, {} reps", format_ms(r->median_ms), r->reps);
    o << fmt::format("bench [{}/{}] {} {} on {}: {}\n", done, total, r->op, r->size, r->backend, res);
    o.flush();
  }
}

const std::vector<Result>& Harness::run(const std::vector<Workload>& ws) {
  results_.clear();
  std::vector<const BackendInfo*> bs;
  for (auto& b : backends_)
    if (opt_.backends.empty() || std::find(opt_.backends.begin(), opt_.backends.end(), b.name) != opt_.backends.end())
      bs.push_back(&b);
  size_t total = ws.size() * bs.size(), done = 0;
  for (auto& w : ws)
    for (auto* b : bs) {
      progress(done, total, fmt::format("{} {} on {}", w.op, w.size, b->name), nullptr);
      results_.push_back(run_case(w, *b));
      ++done;
      progress(done, total, done == total ? std::string("done") : std::string(), &results_.back());
    }
  compute_speedups(results_);
  return results_;
}

void compute_speedups(std::vector<Result>& rs) {
  for (auto& r : rs) {
    r.vs_interpreted = r.vs_native = r.vs_python = 0;
    if (!r.ok || r.median_ms <= 0) continue;
    for (auto& o : rs) {
      if (!o.ok || o.op != r.op || o.size != r.size || o.median_ms <= 0) continue;
      if (o.backend == "interpreted") r.vs_interpreted = o.median_ms / r.median_ms;
      if (o.backend == "native") r.vs_native = o.median_ms / r.median_ms;
      if (o.backend == "python") r.vs_python = o.median_ms / r.median_ms;
    }
  }
}

// ------------------------------------------------------------------ output

std::string format_ms(double ms) {
  if (ms <= 0) return "0";
  if (ms < 1) return fmt::format("{:.1f} us", ms * 1000);
  if (ms < 10) return fmt::format("{:.2f} ms", ms);
  if (ms < 1000) return fmt::format("{:.1f} ms", ms);
  return fmt::format("{:.2f} s", ms / 1000);
}

std::string format_bytes(uint64_t b) {
  if (b < 1024) return fmt::format("{} B", b);
  if (b < 1024 * 1024) return fmt::format("{:.1f} KB", double(b) / 1024);
  if (b < (uint64_t(1) << 30)) return fmt::format("{:.1f} MB", double(b) / (1024.0 * 1024));
  return fmt::format("{:.2f} GB", double(b) / (1024.0 * 1024 * 1024));
}

namespace {

std::string ratio(double x) {
  if (x <= 0) return "-";
  if (x >= 100) return fmt::format("{:.0f}x", x);
  if (x >= 10) return fmt::format("{:.1f}x", x);
  return fmt::format("{:.2f}x", x);
}

void print_rows(std::ostream& out, const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
                size_t left_cols) {
  std::vector<size_t> w(head.size());
  for (size_t i = 0; i < head.size(); ++i) w[i] = head[i].size();
  for (auto& r : rows)
    for (size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], r[i].size());
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) s += "  ";
      if (i < left_cols || i + 1 == r.size()) s += fmt::format("{:<{}}", r[i], w[i]);
      else s += fmt::format("{:>{}}", r[i], w[i]);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  line(head);
  size_t total = 0;
  for (size_t x : w) total += x + 2;
  out << std::string(total - 2, '-') << "\n";
  for (auto& r : rows) line(r);
}

}  // namespace

namespace {
// RSS moves in 4 KB pages, sampled every millisecond: below a page it is "< 4 KB", not 0.
std::string mem_text(const Result& r) {
  if (r.memory_kind == MemoryKind::None) return "-";
  if (r.memory_kind == MemoryKind::RssDelta && r.peak_bytes < 4096) return "< 4 KB";
  if (r.memory_kind == MemoryKind::ProcessMaxRss && r.peak_bytes == 0) return "?";
  return format_bytes(r.peak_bytes);
}
}  // namespace

void print_table(std::ostream& out, const std::vector<Result>& rs) {
  std::vector<std::string> head = {"operation", "size", "backend", "median", "min", "max", "first call",
                                   "reps", "vs python", "vs interp", "vs native", "peak mem", "seed"};
  std::vector<std::vector<std::string>> rows;
  for (auto& r : rs) {
    if (!r.speed_table) continue;
    std::string seed;
    if (r.backend == "wasm" && r.seed_wasm_ms > 0) seed = fmt::format("wasm {}", format_ms(r.seed_wasm_ms));
    if (r.backend == "wasm" && r.seed_wasm_ms > 0 && r.seed_python_ms > 0)
      seed += fmt::format(" ({:.0f}x)", r.seed_python_ms / r.seed_wasm_ms);
    if (r.backend == "python" && r.seed_python_ms > 0) seed = fmt::format("python {}", format_ms(r.seed_python_ms));
    if (!r.ok) {
      std::string why = !r.skipped.empty() ? "n/a: " + r.skipped : "error: " + r.error;
      if (why.size() > 70) why = why.substr(0, 67) + "...";
      rows.push_back({r.op, r.size, r.backend, "-", "-", "-", "-", "-", "-", "-", "-", "-", why});
      continue;
    }
    rows.push_back({r.op, r.size, r.backend, format_ms(r.median_ms), format_ms(r.min_ms), format_ms(r.max_ms),
                    format_ms(r.first_ms), fmt::format("{}{}", r.reps, r.stable ? "" : "*"),
                    ratio(r.vs_python), ratio(r.vs_interpreted), ratio(r.vs_native),
                    mem_text(r), seed});
  }
  print_rows(out, head, rows, 3);
  out << "(median/min/max = warm calls, which reuse the memory earlier calls freed (the memory column is "
         "measured on the first calls, with big buffers given back to the system); first call = the first "
         "call, cold. python/interpreted/compiled run "
         "the program's work twice in each fresh child process: median = the second run, first call = the "
         "first run (for compiled: V8 start-up + compiling the functions; long work runs once, so first call is "
         "about the median). * = the time budget ended before the median settled within tolerance; vs X = X's "
         "median / this median: above 1 is faster than X, below 1 slower; seed = the seed guide's figure for "
         "that backend)\n";
}

void print_memory_table(std::ostream& out, const std::vector<Result>& rs) {
  std::vector<std::string> head = {"operation", "size", "backend", "peak memory", "measured as", "seed"};
  std::vector<std::vector<std::string>> rows;
  for (auto& r : rs) {
    if (!r.memory_table || !r.ok || r.memory_kind == MemoryKind::None) continue;
    rows.push_back({r.op, r.size, r.backend, mem_text(r), std::string(to_string(r.memory_kind)),
                    r.seed_memory});
  }
  if (rows.empty()) return;
  print_rows(out, head, rows, 3);
}

namespace {

std::string jstr(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20) o += fmt::format("\\u{:04x}", c);
        else o += char(c);
    }
  }
  return o + "\"";
}

std::string jnum(double d) {
  if (!std::isfinite(d)) return "null";
  return fmt::format("{}", d);
}

std::string xml(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

template <class F>
std::vector<std::string> distinct(const std::vector<Result>& rs, F key) {
  std::vector<std::string> v;
  for (auto& r : rs) {
    std::string k = key(r);
    if (std::find(v.begin(), v.end(), k) == v.end()) v.push_back(k);
  }
  return v;
}

}  // namespace

std::string to_json(const std::vector<Result>& rs, const std::map<std::string, std::string>& meta) {
  std::string o = "{\n  \"meta\": {";
  bool first = true;
  for (auto& [k, v] : meta) {
    o += fmt::format("{}\n    {}: {}", first ? "" : ",", jstr(k), jstr(v));
    first = false;
  }
  o += first ? "},\n" : "\n  },\n";
  auto list = [&](const std::vector<std::string>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + jstr(v[i]);
    return s + "]";
  };
  o += "  \"operations\": " + list(distinct(rs, [](const Result& r) { return r.op; })) + ",\n";
  o += "  \"backends\": " + list(distinct(rs, [](const Result& r) { return r.backend; })) + ",\n";
  o += "  \"results\": [";
  for (size_t i = 0; i < rs.size(); ++i) {
    auto& r = rs[i];
    o += i ? ",\n    {" : "\n    {";
    o += fmt::format("\"operation\": {}, \"size\": {}, \"backend\": {}, \"ok\": {}", jstr(r.op), jstr(r.size),
                     jstr(r.backend), r.ok ? "true" : "false");
    if (!r.skipped.empty()) o += ", \"skipped\": " + jstr(r.skipped);
    if (!r.error.empty()) o += ", \"error\": " + jstr(r.error);
    if (r.ok) {
      o += fmt::format(
          ", \"reps\": {}, \"stable\": {}, \"first_ms\": {}, \"median_ms\": {}, \"min_ms\": {}, \"max_ms\": {}, "
          "\"mean_ms\": {}, \"peak_bytes\": {}, \"memory_kind\": {}",
          r.reps, r.stable ? "true" : "false", jnum(r.first_ms), jnum(r.median_ms), jnum(r.min_ms), jnum(r.max_ms),
          jnum(r.mean_ms), r.peak_bytes, jstr(std::string(to_string(r.memory_kind))));
      o += ", \"speedup_vs_interpreted\": " + (r.vs_interpreted > 0 ? jnum(r.vs_interpreted) : std::string("null"));
      o += ", \"speedup_vs_native\": " + (r.vs_native > 0 ? jnum(r.vs_native) : std::string("null"));
      o += ", \"speedup_vs_python\": " + (r.vs_python > 0 ? jnum(r.vs_python) : std::string("null"));
    }
    o += fmt::format(", \"speed_table\": {}, \"memory_table\": {}", r.speed_table ? "true" : "false",
                     r.memory_table ? "true" : "false");
    if (r.seed_python_ms > 0) o += ", \"seed_python_ms\": " + jnum(r.seed_python_ms);
    if (r.seed_wasm_ms > 0) o += ", \"seed_wasm_ms\": " + jnum(r.seed_wasm_ms);
    if (!r.seed_memory.empty()) o += ", \"seed_memory\": " + jstr(r.seed_memory);
    if (!r.output.empty()) o += ", \"output\": " + jstr(r.output);
    if (!r.note.empty()) o += ", \"note\": " + jstr(r.note);
    o += "}";
  }
  o += rs.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return o;
}

std::string to_svg(const std::vector<Result>& rs, const std::string& title) {
  auto groups = distinct(rs, [](const Result& r) { return r.op + "\n" + r.size; });
  auto backends = distinct(rs, [](const Result& r) { return r.backend; });
  static const char* colors[] = {"#d62728", "#ff7f0e", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
  double lo = 1e300, hi = 0;
  for (auto& r : rs)
    if (r.ok && r.median_ms > 0) lo = std::min(lo, r.median_ms), hi = std::max(hi, r.median_ms);
  if (hi == 0) lo = 1, hi = 10;
  int dlo = int(std::floor(std::log10(lo))), dhi = int(std::ceil(std::log10(hi)));
  if (dhi <= dlo) dhi = dlo + 1;
  const double bar_w = 16, group_gap = 28, left = 80, top = 50, plot_h = 320, bottom = 70;
  const double group_w = double(std::max<size_t>(backends.size(), 1)) * bar_w + group_gap;
  const double plot_w = std::max(group_w * double(groups.size()), 200.0);
  const double legend_w = 150;
  const double W = left + plot_w + 20 + legend_w, H = top + plot_h + bottom;
  auto y_of = [&](double ms) { return top + plot_h - (std::log10(ms) - dlo) / double(dhi - dlo) * plot_h; };
  std::string s = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect x=\"0\" y=\"0\" width=\"{0:.0f}\" height=\"{1:.0f}\" fill=\"white\"/>\n"
      "<text x=\"{2:.0f}\" y=\"22\" font-size=\"15\" text-anchor=\"middle\">{3}</text>\n",
      W, H, W / 2, xml(title));
  // grid and y axis (log scale: one line per decade)
  for (int d = dlo; d <= dhi; ++d) {
    double y = y_of(std::pow(10.0, d));
    s += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#dddddd\"/>\n", left, y,
                     left + plot_w, y);
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 6, y + 4,
                     xml(format_ms(std::pow(10.0, d))));
  }
  s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", left, top,
                   top + plot_h);
  s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\"/>\n", left,
                   top + plot_h, left + plot_w);
  s += fmt::format(
      "<text x=\"18\" y=\"{0:.1f}\" transform=\"rotate(-90 18 {0:.1f})\" text-anchor=\"middle\">median time (log "
      "scale)</text>\n",
      top + plot_h / 2);
  // bars
  for (size_t g = 0; g < groups.size(); ++g) {
    double gx = left + group_gap / 2 + double(g) * group_w;
    auto nl = groups[g].find('\n');
    std::string op = groups[g].substr(0, nl), size = groups[g].substr(nl + 1);
    double cx = gx + double(backends.size()) * bar_w / 2;
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", cx, top + plot_h + 16,
                     xml(op));
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#555555\">{}</text>\n", cx,
                     top + plot_h + 30, xml(size));
    for (size_t b = 0; b < backends.size(); ++b) {
      double x = gx + double(b) * bar_w;
      const Result* r = nullptr;
      for (auto& x2 : rs)
        if (x2.op == op && x2.size == size && x2.backend == backends[b]) r = &x2;
      if (!r) continue;
      if (!r->ok || r->median_ms <= 0) {
        s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"8\" text-anchor=\"middle\" fill=\"#999999\" "
                         "transform=\"rotate(-90 {:.1f} {:.1f})\">n/a</text>\n",
                         x + bar_w / 2, top + plot_h - 4, x + bar_w / 2, top + plot_h - 4);
        continue;
      }
      double y = y_of(r->median_ms);
      s += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {} {}: "
          "{}</title></rect>\n",
          x + 1, y, bar_w - 2, top + plot_h - y, colors[b % 8], xml(r->op), xml(r->size), xml(r->backend),
          xml(format_ms(r->median_ms)));
    }
  }
  // legend
  double lx = left + plot_w + 20, ly = top;
  s += fmt::format("<g class=\"legend\">\n");
  for (size_t b = 0; b < backends.size(); ++b) {
    double y = ly + double(b) * 18;
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", lx, y,
                     colors[b % 8]);
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", lx + 18, y + 10, xml(backends[b]));
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace ml::perf
