#include "perf/backends.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "engine/engine.h"
#include "runtime/backend_selector.h"
#include "runtime/operations.h"

extern char** environ;

namespace ml::perf {

using runtime::Value;

std::string runtime_operation(const std::string& op) {
  if (op == "matmul") return "matrix_multiply";
  if (op == "xor") return "crypto_xor_cipher";
  if (op == "fib") return "numeric_fibonacci_recursive";
  if (op == "json_parse") return "json_parse";
  if (op == "json_tape") return "json_stats";
  if (op == "blur") return "image_blur";
  if (op == "montecarlo") return "numeric_monte_carlo_pi";
  throw std::invalid_argument(fmt::format("no runtime operation for benchmark operation '{}'", op));
}

std::string make_json_document(int64_t records) {
  std::string d = "[";
  static const char* active[2] = {"true", "false"};
  for (int64_t i = 0; i < records; ++i) {
    if (i) d += ',';
    d += fmt::format(
        "{{\"id\":{0},\"name\":\"item-{0}\",\"price\":{1}.{2},\"tags\":[\"t{3}\",\"t{4}\"],\"active\":{5},"
        "\"scores\":[{6},{7},{8}],\"meta\":{{\"ok\":null,\"level\":{9}}}}}",
        i, i % 1000, 10 + i % 90, i % 7, i % 11, active[i % 2], i % 10, i % 100, i % 1000, i % 5);
  }
  return d + "]";
}

std::vector<Value> make_arguments(const Workload& w) {
  if (w.op == "matmul") {
    int64_t n = w.param("size");
    runtime::Matrix a, b;
    a.rows = a.cols = b.rows = b.cols = n;
    a.data.resize(size_t(n * n));
    b.data.resize(size_t(n * n));
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < n; ++j) {
        a.data[size_t(i * n + j)] = double(i * n + j) / 1000.0;
        b.data[size_t(i * n + j)] = double(i - j) / 500.0;
      }
    return {Value::matrix(std::move(a)), Value::matrix(std::move(b))};
  }
  if (w.op == "xor") {
    int64_t n = w.param("nbytes");
    std::vector<uint8_t> data(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) data[size_t(i)] = uint8_t((i * 31 + 7) % 256);
    std::string key = "multilingual-key";
    return {Value::bytes(std::move(data)), Value::bytes(std::vector<uint8_t>(key.begin(), key.end()))};
  }
  if (w.op == "fib") return {Value::integer(w.param("n"))};
  if (w.op == "json_parse" || w.op == "json_tape") return {Value::str(make_json_document(w.param("records")))};
  if (w.op == "blur") {
    int64_t width = w.param("width"), height = w.param("height");
    int64_t n = width * height * 3;
    std::vector<uint8_t> px(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) px[size_t(i)] = uint8_t((i * 7 + i / 1024) % 256);
    return {Value::bytes(std::move(px)), Value::integer(width), Value::integer(height), Value::integer(1)};
  }
  if (w.op == "montecarlo") return {Value::integer(w.param("samples")), Value::integer(42)};
  throw std::invalid_argument(fmt::format("no arguments for benchmark operation '{}'", w.op));
}

namespace {

// A short text for a result: scalars as they are; big values summarised (kind, size, checksum).
std::string summarize(const Value& v) {
  using K = Value::Kind;
  switch (v.kind()) {
    case K::Matrix: {
      double s = 0;
      for (double d : v.matrix_ref().data) s += d;
      return fmt::format("matrix {}x{} sum {:.6g}", v.matrix_ref().rows, v.matrix_ref().cols, s);
    }
    case K::Bytes: {
      auto b = v.as_bytes();
      uint64_t s = 0;
      for (uint8_t x : b) s += x;
      return fmt::format("{} bytes sum {}", b.size(), s);
    }
    case K::List: return fmt::format("list of {}", v.as_list().size());
    case K::Dict: return fmt::format("dict of {}", v.as_dict().size());
    default: {
      std::string r = v.repr();
      return r.size() > 80 ? r.substr(0, 77) + "..." : r;
    }
  }
}

struct OpState {
  const runtime::Operation* op = nullptr;
  std::vector<Value> args;
  Value last;
};

}  // namespace

Case native_case(const Workload& w) {
  Case c;
  c.op = w.op;
  c.size = w.size;
  c.backend = "native";
  auto st = std::make_shared<OpState>();
  st->op = &runtime::resolve_operation(runtime_operation(w.op));
  c.setup = [st, w] { st->args = make_arguments(w); };
  c.run = [st] {
    auto m = runtime::make_native_machine();
    m->parallel = runtime::BackendConfig{}.parallel;
    st->last = runtime::run_operation(*st->op, *m, st->args);
  };
  c.teardown = [st] { st->args.clear(), st->last = Value(); };
  c.output = [st] { return summarize(st->last); };
  c.note = fmt::format("{} on the native kernels, including marshalling; split operations on {} thread(s) "
                       "(parallel = true, the configuration's default)",
                       st->op->name, runtime::parallel_threads(runtime::BackendConfig{}));
  return c;
}

namespace {

struct WasmState : OpState {
  std::unique_ptr<engine::Engine> engine;
  std::vector<uint8_t> bytes;
  std::shared_ptr<engine::Module> module;
  std::unique_ptr<engine::Instance> instance;
};

constexpr uint32_t kBenchMaxPages = 16384;  // 1 GiB: the 4K image and 10 MB JSON need more than 64 MiB

}  // namespace

Case wasm_case(const Workload& w, const std::string& kernels_dir) {
  Case c;
  c.op = w.op;
  c.size = w.size;
  c.backend = "wasm";
  std::string why;
  if (!engine::engine_available(&why)) {
    c.skip = "no WebAssembly engine: " + why;
    return c;
  }
  runtime::BackendConfig cfg;
  cfg.kernels_dir = kernels_dir;
  std::filesystem::path file;
  for (auto& d : runtime::kernel_search_path(cfg)) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(d / runtime::kernel_module_name(cfg), ec)) {
      file = d / runtime::kernel_module_name(cfg);
      break;
    }
  }
  if (file.empty()) {
    c.skip = runtime::kernel_module_name(cfg) + " not found (build the ml_kernels_wasm target or set "
                                                "MULTILINGUAL_KERNELS_DIR)";
    return c;
  }
  auto st = std::make_shared<WasmState>();
  st->op = &runtime::resolve_operation(runtime_operation(w.op));
  c.setup = [st, w, file] {
    st->args = make_arguments(w);
    std::ifstream f(file, std::ios::binary);
    st->bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    engine::EngineOptions eo;  // optimizing tier, simd, cache: the defaults of the configuration
    eo.memory_pages = 1;        // grown on demand: the final size is what the case needed
    eo.max_memory_pages = kBenchMaxPages;
    eo.threads = runtime::parallel_threads(runtime::BackendConfig{});  // as the configuration's default
    st->engine = engine::create_engine(eo);
    engine::clear_module_cache();  // the first call pays compile + instantiate, as a fresh process would
  };
  c.run = [st] {
    if (!st->instance) {
      st->module = st->engine->compile(st->bytes);
      st->instance = st->engine->instantiate(st->module);
    }
    auto m = runtime::make_wasm_machine(*st->instance);
    m->parallel = runtime::BackendConfig{}.parallel;
    st->last = runtime::run_operation(*st->op, *m, st->args);
  };
  c.memory = [st] { return st->instance ? st->instance->memory_size() : 0; };
  c.memory_kind = MemoryKind::WasmLinearMemory;
  c.teardown = [st] {
    st->args.clear();
    st->last = Value();
    st->instance.reset();
    st->module.reset();
    st->engine.reset();
  };
  c.output = [st] { return summarize(st->last); };
  c.note = fmt::format(
      "{} in {} (V8, optimizing tier, simd), including marshalling into linear memory; first call includes "
      "compiling and instantiating the module (and starting its worker threads); split operations on {} "
      "thread(s); max memory {} pages",
      st->op->name, file.filename().string(), runtime::parallel_threads(runtime::BackendConfig{}), kBenchMaxPages);
  return c;
}

void register_runtime_backends(const std::string& kernels_dir) {
  register_backend("native", native_case, "the C++ kernels, natively (split operations on every core)");
  register_backend("wasm", [kernels_dir](const Workload& w) { return wasm_case(w, kernels_dir); },
                   "the same kernels as WebAssembly in V8");
}

// ------------------------------------------------------------------ programs

std::string default_programs_dir() {
  if (const char* e = std::getenv("MULTILINGUAL_BENCH_PROGRAMS"); e && *e) return e;
  // ML_LANG_DIR is <source dir>/languages, baked in at build time
  return (std::filesystem::path(ML_LANG_DIR).parent_path() / "bench" / "programs").string();
}

Program parametrize_program(const std::string& text, const Workload& w, const std::string& path,
                            double rerun_below_ms) {
  static const std::regex param(R"(^(\s*(?:let\s+)?)([A-Za-z_]\w*)(\s*=\s*)(-?\d+)(\s*#\s*bench:param\b.*)$)");
  static const std::regex work(R"(#\s*bench:work\b)");
  Program p;
  p.path = path;
  std::istringstream in(text);
  std::string line;
  int lineno = 0;
  bool in_work = false;
  auto open_block = [](int reps) {
    return fmt::format("import time\nfor bench_rep_ in range({}):\n    bench_t0_ = time.perf_counter()\n", reps);
  };
  const std::string close_block = fmt::format(
      "    bench_ms_ = (time.perf_counter() - bench_t0_) * 1000.0\n"
      "    print(\"{}\", bench_ms_, bench_rep_)\n"
      "    if bench_ms_ > {}:\n"
      "        break\n",
      kWorkMarker, rerun_below_ms);
  auto both = [&p](const std::string& s) {
    p.timed_source += s;
    p.once_source += s;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, param)) {
      auto it = w.params.find(m[2]);
      if (it == w.params.end())
        throw std::runtime_error(fmt::format("{}:{}: parameter '{}' is not one of workload {} {}", path, lineno,
                                             m[2].str(), w.op, w.size));
      line = m[1].str() + m[2].str() + m[3].str() + std::to_string(it->second) + m[5].str();
    }
    bool is_work = std::regex_search(line, work);
    bool top_level = !line.empty() && line[0] != ' ' && line[0] != '\t';
    if (is_work && top_level && !in_work) {
      p.timed_source += open_block(2);
      p.once_source += open_block(1);
      in_work = true;
    } else if (!is_work && top_level && in_work && line[0] != '#') {
      both(close_block);
      in_work = false;
    }
    p.source += line + "\n";
    both(in_work && !line.empty() ? "    " + line + "\n" : line + "\n");
    if (!is_work) p.setup_source += line + "\n";
  }
  if (in_work) both(close_block);
  return p;
}

WorkTiming parse_work_markers(const std::string& out) {
  WorkTiming t;
  const std::string marker = kWorkMarker;
  // Lines after a first-repetition marker are held back until the next marker says whether they
  // came from that block's second repetition (dropped) or from later code (kept).
  std::string pending;
  bool holding = false;
  double block_cold = 0;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(marker, 0) != 0) {
      (holding ? pending : t.output) += line + "\n";
      continue;
    }
    std::istringstream f(line.substr(marker.size()));
    double ms = 0;
    int rep = 0;
    if (!(f >> ms)) {  // not a number: an ordinary line after all
      (holding ? pending : t.output) += line + "\n";
      continue;
    }
    if (!(f >> rep)) rep = 0;
    t.found = true;
    if (rep == 0) {
      t.output += pending;
      pending.clear();
      t.cold_ms += ms;
      t.warm_ms += ms;  // replaced by the warm time if the block repeats
      block_cold = ms;
      holding = true;
    } else {
      pending.clear();  // what the second repetition printed
      if (holding) t.warm_ms += ms - block_cold;
      t.repeated = true;
      holding = false;
    }
  }
  t.output += pending;
  return t;
}

Program load_program(const Workload& w, const std::string& dir, const std::string& ext, double rerun_below_ms) {
  std::string path = (std::filesystem::path(dir) / (w.op + ext)).string();
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error(fmt::format("benchmark program {} not found", path));
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return parametrize_program(text, w, path, rerun_below_ms);
}

namespace {

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::atomic<uint64_t> g_child_maxrss{0};

struct ProgramState {
  Program prog;
  double setup_ms = 0, last_ms = 0, cold_ms = 0;
  bool setup_measured = false, self_timed = false, repeated = false;
  std::string out;
};

std::string first_line(const std::string& s) {
  auto nl = s.find('\n');
  std::string l = s.substr(0, nl);
  return l.size() > 80 ? l.substr(0, 77) + "..." : l;
}

}  // namespace

BackendFactory program_backend(ProgramRunner runner, ProgramBackendOptions opt) {
  return [runner, opt](const Workload& w) {
    Case c;
    c.op = w.op;
    c.size = w.size;
    if (w.kernels_only) {
      c.skip = fmt::format("{} times a part of the kernels' work (no program does the same)", w.op);
      return c;
    }
    auto st = std::make_shared<ProgramState>();
    std::string dir = opt.programs_dir.empty() ? default_programs_dir() : opt.programs_dir;
    try {
      st->prog = load_program(w, dir, opt.ext, opt.rerun_below_ms);
    } catch (const std::exception& e) {
      c.skip = e.what();
      return c;
    }
    // Setup-only runs are needed only when the program cannot time itself (no marker line).
    auto measure_setup = [st, runner, opt] {
      std::vector<double> t;
      for (int i = 0; i < std::max(1, opt.setup_runs); ++i) {
        double t0 = now_ms();
        runner(st->prog.setup_source, st->prog.path);
        t.push_back(now_ms() - t0);
      }
      std::sort(t.begin(), t.end());
      st->setup_ms = t[t.size() / 2];
      st->setup_measured = true;
    };
    c.run = [st, runner, measure_setup] {
      double t0 = now_ms();
      std::string out = runner(st->prog.timed_source, st->prog.path);
      double total = now_ms() - t0;
      WorkTiming t = parse_work_markers(out);
      if (t.found) {
        st->last_ms = t.warm_ms;
        st->cold_ms = t.cold_ms;
        st->repeated = t.repeated;
        st->out = t.output;
        st->self_timed = true;
        return;
      }
      st->out = out;
      if (!st->setup_measured) measure_setup();
      st->last_ms = st->cold_ms = std::max(total - st->setup_ms, 0.0);
      st->repeated = false;
    };
    c.last_ms = [st] { return st->last_ms; };
    c.cold_ms = [st] { return st->cold_ms; };
    c.output = [st] { return first_line(st->out); };
    if (opt.child_memory) {
      c.memory = [st, runner] {
        // the timed runs held two repetitions' results at once: measure a run doing the work once
        if (st->repeated) runner(st->prog.once_source, st->prog.path);
        return last_child_maxrss();
      };
      c.memory_kind = MemoryKind::ProcessMaxRss;
    }
    c.note = fmt::format(
        "{}: the '# bench:work' lines, timed by the program (time.perf_counter); each run is a fresh process "
        "doing the work twice when the first time is under {} ms: median = the second (warm) time, first "
        "call = the first time (median over the runs); work over {} ms runs once (first call = sample); "
        "start-up, parsing and building the input are not counted{}",
        std::filesystem::path(st->prog.path).filename().string(), opt.rerun_below_ms, opt.rerun_below_ms,
        opt.child_memory ? "; peak memory = the child's peak RSS in a run doing the work once" : "");
    return c;
  };
}

ProgramRunner subprocess_runner(std::vector<std::string> argv) {
  return [argv](const std::string& source, const std::string& path) -> std::string {
    namespace fs = std::filesystem;
    static std::mutex mu;
    std::lock_guard<std::mutex> g(mu);
    static fs::path dir = [] {
      std::string tmpl = (fs::temp_directory_path() / "mlbench-XXXXXX").string();
      if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory");
      return fs::path(tmpl);
    }();
    fs::path src = dir / fs::path(path.empty() ? "program.multi" : path).filename();
    fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
    {
      std::ofstream f(src, std::ios::binary);
      f << source;
    }
    std::vector<std::string> args = argv;
    args.push_back(src.string());
    std::vector<char*> cargs;
    for (auto& a : args) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawn(&pid, cargs[0], &fa, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error(fmt::format("cannot run {}: {}", args[0], strerror(rc)));
    // The child's peak RSS: VmHWM of its own address space, polled until it exits (its ru_maxrss
    // would include this process's peak, inherited through posix_spawn's vfork).
    int status = 0;
    uint64_t hwm = 0;
    std::string status_file = fmt::format("/proc/{}/status", pid);
    for (int sleep_us = 200;;) {
      pid_t r = waitpid(pid, &status, WNOHANG);
      if (r == pid) break;
      if (r < 0 && errno != EINTR) break;
      std::ifstream sf(status_file);
      std::string l;
      while (std::getline(sf, l))
        if (l.rfind("VmHWM:", 0) == 0) hwm = std::max<uint64_t>(hwm, std::stoull(l.substr(6)) * 1024);
      usleep(useconds_t(sleep_us));
      sleep_us = std::min(sleep_us * 2, 5000);
    }
    g_child_maxrss = hwm;
    auto slurp = [](const fs::path& p) {
      std::ifstream f(p, std::ios::binary);
      return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    };
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::string e = slurp(err);
      if (e.size() > 400) e = "..." + e.substr(e.size() - 400);
      while (!e.empty() && (e.back() == '\n' || e.back() == ' ')) e.pop_back();
      throw std::runtime_error(fmt::format("{} {} failed ({}): {}", args[0], fs::path(path).filename().string(),
                                           WIFEXITED(status) ? fmt::format("exit {}", WEXITSTATUS(status))
                                                             : fmt::format("signal {}", WTERMSIG(status)),
                                           e));
    }
    return slurp(out);
  };
}

uint64_t last_child_maxrss() { return g_child_maxrss.load(); }

BackendFactory python_backend(const std::string& python, ProgramBackendOptions opt) {
  opt.ext = ".py";
  opt.child_memory = true;
  auto inner = program_backend(subprocess_runner({"/usr/bin/env", python}), opt);
  return [inner, python](const Workload& w) {
    Case c = inner(w);
    if (!c.skip.empty()) return c;
    c.note += "; a child process: " + python;
    return c;
  };
}

BackendFactory subprocess_program_backend(const std::string& binary, const std::string& run_backend,
                                          ProgramBackendOptions opt) {
  opt.child_memory = true;
  auto inner = program_backend(subprocess_runner({binary, "run", "--backend", run_backend}), opt);
  return [inner, binary, run_backend](const Workload& w) {
    Case c = inner(w);
    if (!c.skip.empty()) return c;
    c.note += fmt::format("; a child process: {} run --backend {}", binary, run_backend);
    if (run_backend == "wasm")
      c.note += "; its first call includes starting the V8 engine and compiling the program's functions to "
                "WebAssembly";
    return c;
  };
}

}  // namespace ml::perf
