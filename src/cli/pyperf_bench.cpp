// `multilingual bench pyperf` (pyperf_bench.h).
#include "cli/pyperf_bench.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

namespace ml::cli {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Outcome {
  int status = -1;
  double wall_s = 0, cpu_s = 0;
  std::string out, err;
};

// Runs argv in `cwd` (stdin from /dev/null, output into files in `scratch`), as a child process
// limited to `cpu_limit_s` of CPU time; wall and CPU time from fork to exit.
Outcome run_child(const std::vector<std::string>& argv, const fs::path& cwd, const fs::path& scratch,
                  double cpu_limit_s) {
  fs::path out = scratch / "stdout", err = scratch / "stderr";
  std::vector<char*> cargs;
  for (const auto& a : argv) cargs.push_back(const_cast<char*>(a.c_str()));
  cargs.push_back(nullptr);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY), o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
        e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || o < 0 || e < 0 || dup2(in, 0) < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || chdir(cwd.c_str()) != 0)
      _exit(126);
    rlimit cpu{rlim_t(std::ceil(cpu_limit_s)), rlim_t(std::ceil(cpu_limit_s)) + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    execvp(cargs[0], cargs.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
  Outcome r;
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto secs = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  r.cpu_s = secs(ru.ru_utime) + secs(ru.ru_stime);
  r.status = status;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// Why a run does not count: its exit, else its output.
std::string failure(const Outcome& o, const std::string& expected) {
  if (WIFSIGNALED(o.status)) return fmt::format("signal {}", WTERMSIG(o.status));
  if (WEXITSTATUS(o.status) == 127) return "cannot run";
  if (WEXITSTATUS(o.status) != 0) {
    std::istringstream lines(o.err);
    std::string line, last;
    while (std::getline(lines, line))
      if (!line.empty()) last = line;
    return fmt::format("exit {}: {}", WEXITSTATUS(o.status), last.substr(0, 100));
  }
  return o.out == expected ? "" : "output differs from the .expected file";
}

std::string self_exe() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find this program (/proc/self/exe)");
  return p.string();
}

fs::path default_dir() {
  // The source tree the build came from (the language packs' folder is baked in beside it).
  fs::path root = fs::path(ML_LANG_DIR).parent_path();
  for (fs::path d : {root / "tests" / "pyperf", root.parent_path() / "shared" / "pyperf"})
    if (fs::is_directory(d)) return d;
  throw std::runtime_error("no pyperf folder found under " + root.string() + ": give one with --dir");
}

double geomean(const std::vector<double>& v) {
  if (v.empty()) return std::nan("");
  double s = 0;
  for (double x : v) s += std::log(x);
  return std::exp(s / double(v.size()));
}

// ours / python3 (wall time, else CPU time) for the rows where both ran correctly.
std::vector<double> ratios(const std::vector<PyperfRow>& rows, PyperfTiming PyperfRow::*which, bool cpu = false) {
  std::vector<double> out;
  auto time = [cpu](const PyperfTiming& t) { return cpu ? t.cpu_s : t.wall_s; };
  for (const auto& r : rows)
    if (r.python.ok && (r.*which).ok && time(r.python) > 0) out.push_back(time(r.*which) / time(r.python));
  return out;
}

std::string cell(const PyperfTiming& t) { return t.ok ? fmt::format("{:.2f}", t.wall_s) : "FAIL"; }
std::string ratio(const PyperfTiming& ours, const PyperfTiming& py) {
  return ours.ok && py.ok && py.wall_s > 0 ? fmt::format("{:.2f}", ours.wall_s / py.wall_s) : "";
}

}  // namespace

std::string pyperf_table(const std::vector<PyperfRow>& rows) {
  std::string s =
      "| program | python3 s | interpreter s | auto s | interpreter / python3 | auto / python3 | "
      "CPU s (python3 / interpreter / auto) |\n|---|---|---|---|---|---|---|\n";
  for (const auto& r : rows)
    s += fmt::format("| {} | {} | {} | {} | {} | {} | {:.2f} / {:.2f} / {:.2f} |\n", r.name, cell(r.python),
                     cell(r.interpreter), cell(r.automatic), ratio(r.interpreter, r.python),
                     ratio(r.automatic, r.python), r.python.cpu_s, r.interpreter.cpu_s, r.automatic.cpu_s);
  // CPU time says more than wall time on a busy machine: its ratios' means too.
  s += fmt::format("| **geometric mean** | | | | **{:.2f}** | **{:.2f}** | CPU ratios: interpreter {:.2f}, auto {:.2f} |\n",
                   geomean(ratios(rows, &PyperfRow::interpreter)), geomean(ratios(rows, &PyperfRow::automatic)),
                   geomean(ratios(rows, &PyperfRow::interpreter, true)),
                   geomean(ratios(rows, &PyperfRow::automatic, true)));
  for (const auto& r : rows)
    for (const auto* t : {&r.python, &r.interpreter, &r.automatic})
      if (!t->ok) s += fmt::format("\n{}: {}", r.name, t->why);
  return s;
}

std::string pyperf_svg(const std::vector<PyperfRow>& rows, const std::string& title) {
  const double left = 130, top = 60, bar_h = 11, row_h = 30, plot_w = 460;
  std::vector<std::pair<std::string, std::pair<double, double>>> bars;  // name -> (interpreter, auto)
  auto r_of = [](const PyperfTiming& o, const PyperfTiming& p) { return o.ok && p.ok ? o.wall_s / p.wall_s : 0.0; };
  for (const auto& r : rows) bars.push_back({r.name, {r_of(r.interpreter, r.python), r_of(r.automatic, r.python)}});
  bars.push_back({"geometric mean",
                  {geomean(ratios(rows, &PyperfRow::interpreter)), geomean(ratios(rows, &PyperfRow::automatic))}});
  double hi = 2;
  for (const auto& [n, v] : bars) hi = std::max({hi, std::isnan(v.first) ? 0 : v.first, std::isnan(v.second) ? 0 : v.second});
  hi = std::ceil(hi * 2) / 2;
  const double H = top + row_h * double(bars.size()) + 50, W = left + plot_w + 40;
  auto x_of = [&](double v) { return left + v / hi * plot_w; };
  std::string s = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"{0:.0f}\" height=\"{1:.0f}\" fill=\"white\"/>\n"
      "<text x=\"{2:.0f}\" y=\"20\" font-size=\"14\" text-anchor=\"middle\">{3}</text>\n"
      "<text x=\"{2:.0f}\" y=\"38\" text-anchor=\"middle\">time / python3's time (below 1 is faster than python3)</text>\n",
      W, H, W / 2, title);
  for (double v = 0; v <= hi + 1e-9; v += 0.5)
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"{3}\"/>\n"
                     "<text x=\"{0:.1f}\" y=\"{4:.0f}\" text-anchor=\"middle\">{5:.1f}</text>\n",
                     x_of(v), top - 6, H - 40, v == 1.0 ? "#333333" : "#dddddd", H - 26, v);
  double y = top;
  for (const auto& [name, v] : bars) {
    s += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 6, y + bar_h + 3, name);
    int k = 0;
    for (double r : {v.first, v.second}) {
      const char* color = k == 0 ? "#1f77b4" : "#ff7f0e";
      double by = y + k * (bar_h + 1);
      if (r > 0 && !std::isnan(r))
        s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"/>"
                         "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\">{:.2f}</text>\n",
                         left, by, x_of(r) - left, bar_h, color, x_of(r) + 3, by + bar_h - 2, r);
      ++k;
    }
    y += row_h;
  }
  s += fmt::format("<rect x=\"{0:.0f}\" y=\"{1:.0f}\" width=\"10\" height=\"10\" fill=\"#1f77b4\"/>"
                   "<text x=\"{2:.0f}\" y=\"{3:.0f}\">interpreter</text>"
                   "<rect x=\"{4:.0f}\" y=\"{1:.0f}\" width=\"10\" height=\"10\" fill=\"#ff7f0e\"/>"
                   "<text x=\"{5:.0f}\" y=\"{3:.0f}\">auto</text>\n</svg>\n",
                   left, H - 16, left + 14, H - 7, left + 110, left + 124);
  return s;
}

int cli_bench_pyperf(const PyperfOptions& opt, std::ostream& out, std::ostream& err) {
  if (opt.runs < 1) {
    err << "bench pyperf: --runs must be at least 1\n";
    return 2;
  }
  fs::path dir = opt.dir.empty() ? default_dir() : fs::path(opt.dir);
  std::vector<std::string> names = opt.names;
  if (names.empty()) {
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".py" && fs::exists(fs::path(e.path()).replace_extension(".expected")))
        names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
  }
  if (names.empty()) {
    err << "bench pyperf: no NAME.py with a NAME.expected in " << dir.string() << "\n";
    return 2;
  }
  std::string python = !opt.python.empty() ? opt.python : fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string self = self_exe();
  std::string tmpl = (fs::temp_directory_path() / "mlpyperf-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory");
  fs::path scratch(tmpl);
  std::vector<PyperfRow> rows;
  for (const auto& name : names) {
    fs::path prog = dir / (name + ".py");
    if (!fs::exists(prog)) {
      err << "bench pyperf: " << prog.string() << " not found\n";
      fs::remove_all(scratch);
      return 2;
    }
    std::string expected = slurp(fs::path(prog).replace_extension(".expected"));
    PyperfRow row{name, {}, {}, {}};
    struct Config {
      PyperfTiming* t;
      std::vector<std::string> argv;
    } configs[] = {{&row.python, {python, prog.filename().string()}},
                   {&row.interpreter, {self, "run", prog.filename().string(), "--lang", "en", "--backend", "interpreter"}},
                   {&row.automatic, {self, "run", prog.filename().string(), "--lang", "en", "--backend", "auto"}}};
    for (auto& c : configs) c.t->ok = true, c.t->wall_s = INFINITY;
    for (int run = 0; run < opt.runs; ++run)  // in turn, so that a slow spell of the machine hits each
      for (auto& c : configs) {
        if (!c.t->ok) continue;
        Outcome o = run_child(c.argv, dir, scratch, opt.timeout_s);
        std::string why = failure(o, expected);
        if (!why.empty()) {
          c.t->ok = false, c.t->why = why;
          continue;
        }
        if (o.wall_s < c.t->wall_s) c.t->wall_s = o.wall_s, c.t->cpu_s = o.cpu_s;
      }
    err << fmt::format("{:18} python3 {:>6}  interpreter {:>6}  auto {:>6}\n", name, cell(row.python),
                       cell(row.interpreter), cell(row.automatic));
    rows.push_back(std::move(row));
  }
  fs::remove_all(scratch);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::time_t now = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  out << fmt::format("Whole-process wall time, best of {} runs taken in turn; {}; load average {:.1f} at the end.\n\n",
                     opt.runs, when, load[0])
      << pyperf_table(rows) << "\n";
  if (!opt.plot_path.empty()) {
    std::ofstream svg(opt.plot_path, std::ios::binary);
    svg << pyperf_svg(rows, "pyperformance programs: multilingual against python3");
    if (!svg) {
      err << "bench pyperf: cannot write " << opt.plot_path << "\n";
      return 1;
    }
  }
  bool all_ok = std::all_of(rows.begin(), rows.end(),
                            [](const PyperfRow& r) { return r.python.ok && r.interpreter.ok && r.automatic.ok; });
  return all_ok ? 0 : 1;
}

}  // namespace ml::cli
