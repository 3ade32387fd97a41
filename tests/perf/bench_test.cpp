// The benchmark harness: structure of results, stability rules, JSON, SVG, progress, programs,
// and the real native/wasm backends on the quick sizes. No test asserts a timing.
#include "perf/bench.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "perf/backends.h"
#include "perf/bench_command.h"
#include "runtime/operations.h"

using namespace ml::perf;

namespace {

// A fake backend doing a little real work; `scale` makes some backends slower than others.
BackendFactory fake(std::string name, int scale, std::shared_ptr<int> runs = nullptr) {
  return [=](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = name;
    auto sink = std::make_shared<double>(0);
    c.run = [=] {
      double s = 0;
      for (int i = 0; i < 2000 * scale; ++i) s += double(i % 7);
      *sink += s;
      if (runs) ++*runs;
    };
    c.output = [sink] { return std::to_string(*sink > 0); };
    return c;
  };
}

HarnessOptions quiet(int min_reps = 3) {
  HarnessOptions o;
  o.progress = ProgressMode::None;
  o.min_reps = min_reps;
  o.max_reps = 20;
  o.budget_ms = 200;
  return o;
}

std::vector<Workload> two_workloads() {
  auto ws = workloads("quick");
  ws.resize(2);
  return ws;
}

// A small XML well-formedness check: tags nest and close, attributes are quoted.
bool well_formed_xml(const std::string& s, std::string* why) {
  std::vector<std::string> stack;
  size_t i = 0;
  if (s.rfind("<?xml", 0) == 0) i = s.find("?>") + 2;
  static const std::regex attrs(R"(^(\s+[A-Za-z_:][-\w:.]*="[^"<]*")*\s*/?$)");
  while ((i = s.find('<', i)) != std::string::npos) {
    size_t j = s.find('>', i);
    if (j == std::string::npos) return *why = "unclosed <", false;
    std::string tag = s.substr(i + 1, j - i - 1);
    i = j + 1;
    if (tag.empty()) return *why = "empty tag", false;
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1)) return *why = "mismatched </" + tag.substr(1) + ">", false;
      stack.pop_back();
      continue;
    }
    size_t n = tag.find_first_of(" \t\n/");
    std::string name = tag.substr(0, n);
    std::string rest = n == std::string::npos ? "" : tag.substr(n);
    if (!std::regex_match(rest, attrs)) return *why = "bad attributes in <" + name + ">: " + rest, false;
    if (tag.back() != '/') stack.push_back(name);
  }
  if (!stack.empty()) return *why = "unclosed <" + stack.back() + ">", false;
  return true;
}

std::string temp_dir() {
  std::string t = (std::filesystem::temp_directory_path() / "mlperf-test-XXXXXX").string();
  EXPECT_NE(mkdtemp(t.data()), nullptr);
  return t;
}

std::string slurp(const std::string& p) {
  std::ifstream f(p);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST(Workloads, SeedAndQuickCoverEveryOperation) {
  for (auto sizes : {"seed", "quick", "compare"}) {
    auto ws = workloads(sizes);
    std::set<std::string> ops;
    for (auto& w : ws) ops.insert(w.op);
    for (auto& o : operation_names()) EXPECT_TRUE(ops.count(o)) << sizes << " lacks " << o;
  }
  EXPECT_THROW(workloads("huge"), std::invalid_argument);
}

// The side-by-side run: fib(30), matmul 200 and 1000, XOR 1 MB, Monte Carlo 1M and a
// 1024x1024 box blur, all in `--sizes compare`.
TEST(Workloads, CompareHasTheSideBySideSizes) {
  auto ws = workloads("compare");
  std::set<std::string> have;
  for (auto& w : ws) have.insert(w.op + " " + w.size);
  for (const char* want : {"fib 30", "matmul 200x200", "matmul 1000x1000", "xor 1 MB", "montecarlo 1M", "blur 1024x1024"})
    EXPECT_TRUE(have.count(want)) << want;
}

TEST(Workloads, SeedSizesAreTheSeedsTables) {
  auto ws = workloads("seed");
  auto find = [&](std::string op, std::string size) -> const Workload& {
    for (auto& w : ws)
      if (w.op == op && w.size == size) return w;
    throw std::runtime_error("missing " + op + " " + size);
  };
  EXPECT_EQ(find("matmul", "1000x1000").param("size"), 1000);
  EXPECT_EQ(find("matmul", "100x100").param("size"), 100);
  EXPECT_EQ(find("xor", "1 MB").param("nbytes"), 1 << 20);
  EXPECT_TRUE(find("xor", "10 MB").memory_table);
  EXPECT_FALSE(find("xor", "10 MB").speed_table);
  EXPECT_EQ(find("fib", "30").param("n"), 30);
  EXPECT_EQ(find("blur", "4K (3840x2160)").param("width"), 3840);
  EXPECT_EQ(find("blur", "4K (3840x2160)").param("height"), 2160);
  EXPECT_EQ(find("montecarlo", "1M").param("samples"), 1000000);
  EXPECT_EQ(find("matmul", "1000x1000").seed_wasm_ms, 50);
  // the JSON document is about 10 MB
  size_t len = make_json_document(find("json_parse", "10 MB").param("records")).size();
  EXPECT_GT(len, 9.5 * 1048576);
  EXPECT_LT(len, 10.5 * 1048576);
  EXPECT_THROW(find("fib", "30").param("nope"), std::out_of_range);
}

TEST(Harness, EveryWorkloadOnEveryBackendWithStatistics) {
  Harness h(quiet());
  h.add_backend("interpreted", fake("interpreted", 20));
  h.add_backend("native", fake("native", 1));
  h.add_backend("wasm", fake("wasm", 2));
  EXPECT_EQ(h.backend_names().size() >= 3, true);
  auto ws = two_workloads();
  Harness only(quiet());
  only.add_backend("interpreted", fake("interpreted", 20));
  only.add_backend("native", fake("native", 1));
  only.add_backend("wasm", fake("wasm", 2));
  HarnessOptions o = quiet();
  o.backends = {"interpreted", "native", "wasm"};
  Harness hh(o);
  hh.add_backend("interpreted", fake("interpreted", 20));
  hh.add_backend("native", fake("native", 1));
  hh.add_backend("wasm", fake("wasm", 2));
  auto& rs = hh.run(ws);
  ASSERT_EQ(rs.size(), ws.size() * 3);
  for (auto& r : rs) {
    EXPECT_TRUE(r.ok) << r.backend << ": " << r.error;
    EXPECT_GE(r.reps, 1);
    EXPECT_LE(r.reps, 20);
    EXPECT_LE(r.min_ms, r.median_ms);
    EXPECT_LE(r.median_ms, r.max_ms);
    EXPECT_GE(r.first_ms, 0);
    EXPECT_EQ(r.output, "1");
    EXPECT_NE(r.memory_kind, MemoryKind::None);
    // speedups exist whenever the baselines ran
    if (r.median_ms > 0) {
      EXPECT_GT(r.vs_interpreted, 0) << r.backend;
      EXPECT_GT(r.vs_native, 0) << r.backend;
    }
  }
  // display order: interpreted, native, wasm
  EXPECT_EQ(rs[0].backend, "interpreted");
  EXPECT_EQ(rs[1].backend, "native");
  EXPECT_EQ(rs[2].backend, "wasm");
}

TEST(Harness, StopsWhenTheMedianIsStable) {
  Harness h(quiet(5));
  auto runs = std::make_shared<int>(0);
  h.add_backend("steady", [runs](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "steady";
    c.run = [runs] { ++*runs; };
    c.last_ms = [] { return 1.5; };  // a backend that times itself, always 1.5 ms
    c.memory = [] { return uint64_t(4096); };
    c.memory_kind = MemoryKind::Reported;
    return c;
  });
  HarnessOptions o = quiet(5);
  o.backends = {"steady"};
  Harness only(o);
  only.add_backend("steady", [runs](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "steady";
    c.run = [runs] { ++*runs; };
    c.last_ms = [] { return 1.5; };
    c.memory = [] { return uint64_t(4096); };
    c.memory_kind = MemoryKind::Reported;
    return c;
  });
  auto r = only.run(two_workloads())[0];
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.stable);
  EXPECT_EQ(r.median_ms, 1.5);
  EXPECT_EQ(r.first_ms, 1.5);
  EXPECT_EQ(r.reps, 6);  // 5 to reach min_reps, one more to see the median unchanged
  EXPECT_EQ(r.peak_bytes, 4096u);
  EXPECT_EQ(r.memory_kind, MemoryKind::Reported);
}

// The warm calls reuse the memory the previous call freed. A case shaped like the runtime
// backends' (each call makes an 8 MB result, zero-filled, while the previous call's result is
// still held, then releases that one, and takes 30 ms) faults its buffer in on the first calls,
// while memory is measured, but not on every call thereafter: mimalloc otherwise gives freed
// memory back 25 ms after it was freed (and glibc, under the harness's measuring threshold, at
// once). Counted with getrusage's minor faults, not timed.
TEST(Harness, WarmCallsReuseFreedMemory) {
  struct State {
    std::vector<double> last;
    std::vector<long> faults;
  };
  auto st = std::make_shared<State>();
  auto minflt = [] {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
  };
  HarnessOptions o = quiet(8);
  o.backends = {"big"};
  Harness h(o);
  h.add_backend("big", [st, minflt](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "big";
    c.run = [st, minflt] {
      long f0 = minflt();
      std::vector<double> result(1000000, 1.0);
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      st->last = std::move(result);
      st->faults.push_back(minflt() - f0);
    };
    c.memory = [] { return uint64_t(1); };
    return c;
  });
  auto r = h.run(two_workloads())[0];
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_GE(st->faults.size(), 6u);
  long first = st->faults[0];  // 8 MB: about 2,000 pages of 4 KiB (or a few huge pages)
  EXPECT_GT(first, 2);
  long later = 0;
  for (size_t i = 3; i < st->faults.size(); ++i) later += st->faults[i];
  EXPECT_LT(later * 4, first * long(st->faults.size() - 3))
      << "the warm calls faulted " << later << " pages in " << st->faults.size() - 3 << " calls, the first " << first;
}

TEST(Harness, LongFirstCallIsASingleShotAndErrorsAndSkipsAreReported) {
  HarnessOptions o = quiet(5);
  o.single_shot_ms = 1000;
  o.backends = {"slow", "broken", "absent", "throws"};
  Harness h(o);
  h.add_backend("slow", [](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "slow";
    c.run = [] {};
    c.last_ms = [] { return 5000.0; };
    return c;
  });
  h.add_backend("broken", [](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "broken";
    c.run = [] { throw std::runtime_error("boom"); };
    return c;
  });
  h.add_backend("absent", [](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "absent";
    c.skip = "not built";
    return c;
  });
  h.add_backend("throws", [](const Workload&) -> Case { throw std::runtime_error("no factory"); });
  auto ws = two_workloads();
  ws.resize(1);
  auto rs = h.run(ws);
  ASSERT_EQ(rs.size(), 4u);
  std::map<std::string, Result> by;
  for (auto& r : rs) by[r.backend] = r;
  EXPECT_TRUE(by["slow"].ok);
  EXPECT_EQ(by["slow"].reps, 1);
  EXPECT_EQ(by["slow"].median_ms, 5000.0);
  EXPECT_FALSE(by["broken"].ok);
  EXPECT_EQ(by["broken"].error, "boom");
  EXPECT_FALSE(by["absent"].ok);
  EXPECT_EQ(by["absent"].skipped, "not built");
  EXPECT_EQ(by["throws"].error, "no factory");
  std::ostringstream t;
  print_table(t, rs);
  EXPECT_NE(t.str().find("n/a: not built"), std::string::npos) << t.str();
  EXPECT_NE(t.str().find("error: boom"), std::string::npos) << t.str();
}

TEST(Harness, JsonParsesAndHasEveryOperationAndBackend) {
  HarnessOptions o = quiet(2);
  o.backends = {"interpreted", "compiled", "native", "wasm"};
  Harness h(o);
  for (auto& b : o.backends) h.add_backend(b, fake(b, b == "interpreted" ? 10 : 1));
  auto ws = workloads("quick");
  auto rs = h.run(ws);
  std::string js = to_json(rs, {{"sizes", "quick"}, {"note", "quote \" and \\ and \n"}});
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  ASSERT_EQ(p.parse(js).get(doc), simdjson::SUCCESS) << js;
  std::set<std::string> ops, backends, pairs;
  for (auto x : doc["operations"].get_array()) ops.insert(std::string(std::string_view(x.get_string())));
  for (auto x : doc["backends"].get_array()) backends.insert(std::string(std::string_view(x.get_string())));
  for (auto& op : operation_names()) EXPECT_TRUE(ops.count(op)) << op;
  for (auto& b : o.backends) EXPECT_TRUE(backends.count(b)) << b;
  size_t n = 0;
  for (auto r : doc["results"].get_array()) {
    ++n;
    std::string op(std::string_view(r["operation"].get_string()));
    std::string be(std::string_view(r["backend"].get_string()));
    pairs.insert(op + "/" + be);
    EXPECT_TRUE(bool(r["ok"].get_bool()));
    double med = r["median_ms"].get_double();
    EXPECT_GE(med, 0);
    EXPECT_GE(int64_t(r["reps"].get_int64()), 1);
    EXPECT_FALSE(r["first_ms"].is_null());
    EXPECT_FALSE(r["peak_bytes"].is_null());
    EXPECT_FALSE(r["speedup_vs_interpreted"].error());
    EXPECT_FALSE(r["speedup_vs_native"].error());
  }
  EXPECT_EQ(n, ws.size() * 4);
  for (auto& op : operation_names())
    for (auto& b : o.backends) EXPECT_TRUE(pairs.count(op + "/" + b)) << op << "/" << b;
  EXPECT_EQ(std::string_view(doc["meta"]["note"].get_string()), "quote \" and \\ and \n");
}

TEST(Harness, SvgIsWellFormedWithBarsAxesAndLegend) {
  HarnessOptions o = quiet(2);
  o.backends = {"interpreted", "native", "wasm", "absent"};
  Harness h(o);
  h.add_backend("interpreted", fake("interpreted", 30));
  h.add_backend("native", fake("native", 1));
  h.add_backend("wasm", fake("wasm", 2));
  h.add_backend("absent", [](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "absent", c.skip = "no <engine> & co";
    return c;
  });
  auto rs = h.run(workloads("quick"));
  std::string svg = to_svg(rs, "t <&> \"q\"");
  std::string why;
  EXPECT_TRUE(well_formed_xml(svg, &why)) << why << "\n" << svg;
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("log scale"), std::string::npos);
  size_t bars = 0;
  for (size_t i = 0; (i = svg.find("<rect x=", i)) != std::string::npos; ++i)
    if (svg.find("<title>", i) < svg.find("</rect>", i) && svg.find("</rect>", i) < svg.find("<rect", i + 1)) ++bars;
  size_t ok = std::count_if(rs.begin(), rs.end(), [](const Result& r) { return r.ok && r.median_ms > 0; });
  EXPECT_EQ(bars, ok);
  for (auto b : {"interpreted", "native", "wasm", "absent"}) EXPECT_NE(svg.find(std::string(">") + b + "<"), std::string::npos) << b;
  for (auto& op : operation_names()) EXPECT_NE(svg.find(">" + op + "<"), std::string::npos) << op;
  EXPECT_NE(svg.find(">n/a<"), std::string::npos);
  EXPECT_TRUE(well_formed_xml(to_svg({}), &why)) << why;
}

TEST(Harness, ProgressLinesAndBar) {
  for (auto mode : {ProgressMode::Lines, ProgressMode::Bar}) {
    std::ostringstream err;
    HarnessOptions o = quiet(2);
    o.progress = mode;
    o.progress_out = &err;
    o.backends = {"native", "wasm"};
    Harness h(o);
    h.add_backend("native", fake("native", 1));
    h.add_backend("wasm", fake("wasm", 1));
    auto ws = two_workloads();
    h.run(ws);
    std::string s = err.str();
    if (mode == ProgressMode::Lines) {
      EXPECT_NE(s.find("bench [1/4] " + ws[0].op + " " + ws[0].size + " on native: "), std::string::npos) << s;
      EXPECT_NE(s.find("bench [4/4]"), std::string::npos) << s;
      EXPECT_EQ(s.find('\r'), std::string::npos);
    } else {
      EXPECT_NE(s.find('\r'), std::string::npos);
      EXPECT_NE(s.find("[##############################]   4/4"), std::string::npos) << s;
      EXPECT_NE(s.find("  0/4 " + ws[0].op), std::string::npos) << s;
      EXPECT_EQ(s.back(), '\n');
    }
  }
}

TEST(Harness, TablesAlignAndFormat) {
  HarnessOptions o = quiet(2);
  o.backends = {"interpreted", "native"};
  Harness h(o);
  h.add_backend("interpreted", fake("interpreted", 5));
  h.add_backend("native", fake("native", 1));
  auto rs = h.run(workloads("quick"));
  std::ostringstream t, m;
  print_table(t, rs);
  print_memory_table(m, rs);
  std::istringstream lines(t.str());
  std::string head, rule, row;
  std::getline(lines, head);
  std::getline(lines, rule);
  EXPECT_EQ(head.find("operation"), 0u);
  EXPECT_NE(head.find("vs interp"), std::string::npos);
  EXPECT_NE(head.find("vs native"), std::string::npos);
  EXPECT_NE(head.find("first call"), std::string::npos);
  EXPECT_NE(head.find("peak mem"), std::string::npos);
  EXPECT_EQ(rule.find_first_not_of('-'), std::string::npos);
  size_t col = head.find("backend");
  while (std::getline(lines, row) && row[0] != '(') EXPECT_TRUE(row.compare(col, 6, "interp") == 0 || row.compare(col, 6, "native") == 0) << row;
  EXPECT_NE(m.str().find("peak memory"), std::string::npos);
  EXPECT_EQ(format_ms(1500), "1.50 s");
  EXPECT_EQ(format_ms(2.5), "2.50 ms");
  EXPECT_EQ(format_ms(0.25), "250.0 us");
  EXPECT_EQ(format_bytes(16 * 1024 * 1024), "16.0 MB");
  EXPECT_EQ(format_bytes(512), "512 B");
}

TEST(Registry, RegisterReplaceUnregister) {
  register_backend("zz-test", fake("zz-test", 1), "first");
  register_backend("zz-test", fake("zz-test", 1), "second");
  int n = 0;
  for (auto& b : registered_backends())
    if (b.name == "zz-test") {
      ++n;
      EXPECT_EQ(b.description, "second");
    }
  EXPECT_EQ(n, 1);
  register_backend("interpreted", fake("interpreted", 1));
  EXPECT_EQ(registered_backends()[0].name, "interpreted");
  unregister_backend("zz-test");
  unregister_backend("interpreted");
  for (auto& b : registered_backends()) EXPECT_NE(b.name, "zz-test");
}

// ---------------------------------------------------------------- programs

TEST(Programs, ParametersAndWorkLines) {
  Workload w;
  w.op = "fib", w.size = "12", w.params = {{"n", 12}};
  auto p = parametrize_program("def f(n):\n    return n\nlet n = 30  # bench:param\nprint(f(n))  # bench:work\n", w, "x.multi");
  EXPECT_EQ(p.source, "def f(n):\n    return n\nlet n = 12  # bench:param\nprint(f(n))  # bench:work\n");
  EXPECT_EQ(p.setup_source, "def f(n):\n    return n\nlet n = 12  # bench:param\n");
  EXPECT_EQ(p.timed_source,
            "def f(n):\n    return n\nlet n = 12  # bench:param\n"
            "import time\n"
            "for bench_rep_ in range(2):\n"
            "    bench_t0_ = time.perf_counter()\n"
            "    print(f(n))  # bench:work\n"
            "    bench_ms_ = (time.perf_counter() - bench_t0_) * 1000.0\n"
            "    print(\"bench-work-ms:\", bench_ms_, bench_rep_)\n"
            "    if bench_ms_ > 1000:\n"
            "        break\n");
  EXPECT_EQ(p.once_source.find("range(1):"), p.timed_source.find("range(2):"));
  auto py = parametrize_program("n = 30  # bench:param\n", w);
  EXPECT_EQ(py.source, "n = 12  # bench:param\n");
  EXPECT_THROW(parametrize_program("let m = 3  # bench:param\n", w, "x.multi"), std::runtime_error);
}

TEST(Programs, WorkBlocksRepeatIndentedWithNonWorkLinesBetween) {
  Workload w;
  w.op = "blur", w.size = "2x3", w.params = {{"width", 2}, {"height", 3}};
  std::string text =
      "def f(a, b):\n"
      "    return a * b\n"
      "\n"
      "let width = 1024  # bench:param\n"
      "let height = 1024  # bench:param\n"
      "let out = f(width, height)  # bench:work\n"
      "# a comment inside the block\n"
      "\n"
      "for i in range(2):  # bench:work\n"
      "    out += i\n"
      "print(out)\n"
      "print(out * 2)  # bench:work\n";
  auto p = parametrize_program(text, w, "blur.multi", 250);
  EXPECT_EQ(p.timed_source,
            "def f(a, b):\n"
            "    return a * b\n"
            "\n"
            "let width = 2  # bench:param\n"
            "let height = 3  # bench:param\n"
            "import time\n"
            "for bench_rep_ in range(2):\n"
            "    bench_t0_ = time.perf_counter()\n"
            "    let out = f(width, height)  # bench:work\n"
            "    # a comment inside the block\n"
            "\n"
            "    for i in range(2):  # bench:work\n"
            "        out += i\n"
            "    bench_ms_ = (time.perf_counter() - bench_t0_) * 1000.0\n"
            "    print(\"bench-work-ms:\", bench_ms_, bench_rep_)\n"
            "    if bench_ms_ > 250:\n"
            "        break\n"
            "print(out)\n"
            "import time\n"
            "for bench_rep_ in range(2):\n"
            "    bench_t0_ = time.perf_counter()\n"
            "    print(out * 2)  # bench:work\n"
            "    bench_ms_ = (time.perf_counter() - bench_t0_) * 1000.0\n"
            "    print(\"bench-work-ms:\", bench_ms_, bench_rep_)\n"
            "    if bench_ms_ > 250:\n"
            "        break\n");
  // the untimed versions are unchanged apart from the parameters
  EXPECT_EQ(p.setup_source.find("bench:work"), std::string::npos);
  EXPECT_NE(p.source.find("let width = 2  # bench:param\nlet height = 3  # bench:param\nlet out = f(width, height)"),
            std::string::npos);
}

TEST(Programs, TimedSourcesRunInPython) {
  if (system("python3 -c 'pass' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not installed";
  Workload w;
  w.op = "t", w.size = "1", w.params = {{"n", 7}};
  std::string text =
      "n = 3  # bench:param\n"
      "x = n * 2  # bench:work\n"
      "print(x)  # bench:work\n"
      "print('between')\n"
      "print(x + 1)  # bench:work\n";
  auto run_py = subprocess_runner({"/usr/bin/env", "python3"});
  auto fast = parametrize_program(text, w, "t.py");
  WorkTiming t = parse_work_markers(run_py(fast.timed_source, "t.py"));
  EXPECT_TRUE(t.found);
  EXPECT_TRUE(t.repeated);
  EXPECT_EQ(t.output, "14\nbetween\n15\n");
  EXPECT_GE(t.cold_ms, 0);
  EXPECT_GE(t.warm_ms, 0);
  // a threshold below any time: each block runs once
  auto once = parametrize_program(text, w, "t.py", -1);
  t = parse_work_markers(run_py(once.timed_source, "t.py"));
  EXPECT_TRUE(t.found);
  EXPECT_FALSE(t.repeated);
  EXPECT_EQ(t.output, "14\nbetween\n15\n");
  EXPECT_EQ(t.cold_ms, t.warm_ms);
  t = parse_work_markers(run_py(fast.once_source, "t.py"));
  EXPECT_FALSE(t.repeated);
  EXPECT_EQ(t.output, "14\nbetween\n15\n");
}

TEST(Programs, MarkerParsingTwoRepetitionsOneAndNone) {
  // two repetitions: the output is the first one's, the sample the second
  WorkTiming two = parse_work_markers("55\nbench-work-ms: 9.5 0\n55\nbench-work-ms: 4.25 1\n");
  EXPECT_TRUE(two.found);
  EXPECT_TRUE(two.repeated);
  EXPECT_EQ(two.cold_ms, 9.5);
  EXPECT_EQ(two.warm_ms, 4.25);
  EXPECT_EQ(two.output, "55\n");
  // one (long work): cold and warm are that time
  WorkTiming one = parse_work_markers("55\nbench-work-ms: 1500.5 0\n");
  EXPECT_TRUE(one.found);
  EXPECT_FALSE(one.repeated);
  EXPECT_EQ(one.cold_ms, 1500.5);
  EXPECT_EQ(one.warm_ms, 1500.5);
  EXPECT_EQ(one.output, "55\n");
  // the old form without a repetition number is a first repetition
  WorkTiming old = parse_work_markers("55\nbench-work-ms: 12.5\n");
  EXPECT_EQ(old.cold_ms, 12.5);
  EXPECT_EQ(old.warm_ms, 12.5);
  EXPECT_EQ(old.output, "55\n");
  // two blocks, the first repeated, the second not: lines between them are kept, times summed
  WorkTiming blocks = parse_work_markers(
      "setup\na\nbench-work-ms: 3 0\na\nbench-work-ms: 1 1\nbetween\nb\nbench-work-ms: 2000 0\nafter\n");
  EXPECT_EQ(blocks.output, "setup\na\nbetween\nb\nafter\n");
  EXPECT_EQ(blocks.cold_ms, 2003);
  EXPECT_EQ(blocks.warm_ms, 2001);
  EXPECT_TRUE(blocks.repeated);
  // the first block not repeated, the second repeated
  WorkTiming b2 = parse_work_markers("a\nbench-work-ms: 2000 0\nmid\nb\nbench-work-ms: 3 0\nb\nbench-work-ms: 1 1\n");
  EXPECT_EQ(b2.output, "a\nmid\nb\n");
  EXPECT_EQ(b2.cold_ms, 2003);
  EXPECT_EQ(b2.warm_ms, 2001);
  // no marker
  WorkTiming none = parse_work_markers("55\nbench-work-ms: soon\n");
  EXPECT_FALSE(none.found);
  EXPECT_EQ(none.output, "55\nbench-work-ms: soon\n");
}

TEST(Programs, EveryOperationHasAMultilingualProgramAndAPythonTwin) {
  std::string dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  for (auto sizes : {"seed", "quick", "compare"})
    for (auto& w : workloads(sizes))
      for (auto ext : {".multi", ".py"}) {
        if (w.kernels_only) continue;  // (the program backends skip it, tested below)
        Program p;
        ASSERT_NO_THROW(p = load_program(w, dir, ext)) << w.op << ext;
        EXPECT_NE(p.source.find("bench:work"), std::string::npos) << p.path;
        EXPECT_EQ(p.setup_source.find("bench:work"), std::string::npos) << p.path;
        for (auto& [k, v] : w.params)
          EXPECT_NE(p.source.find(k + " = " + std::to_string(v) + "  # bench:param"), std::string::npos) << p.path << " " << k;
      }
}

TEST(Programs, PythonTwinsPrintWhatTheNativeKernelsCompute) {
  if (system("python3 -c 'pass' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not installed";
  std::string dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  auto run_py = subprocess_runner({"/usr/bin/env", "python3"});
  for (auto& w : workloads("quick")) {
    if (w.kernels_only) continue;
    Program p = load_program(w, dir, ".py");
    std::string out = run_py(p.source, w.op + ".py");
    auto args = make_arguments(w);
    auto m = ml::runtime::make_native_machine();
    auto v = ml::runtime::run_operation(ml::runtime::resolve_operation(runtime_operation(w.op)), *m, args);
    out.erase(out.find_last_not_of('\n') + 1);
    if (w.op == "xor" || w.op == "blur") {
      uint64_t s = 0;
      for (uint8_t b : v.as_bytes()) s += b;
      EXPECT_EQ(out, std::to_string(s)) << w.op;
    } else if (w.op == "fib") {
      EXPECT_EQ(out, std::to_string(v.as_int()));
    } else if (w.op == "json_parse") {
      EXPECT_EQ(out, std::to_string(v.as_list().size()));
    } else if (w.op == "matmul") {
      double s = 0;
      for (double d : v.matrix_ref().data) s += d;
      EXPECT_NEAR(std::stod(out), s, 1e-3 + 1e-9 * std::abs(s));
    } else if (w.op == "montecarlo") {
      // a different generator (see montecarlo.multi): both are estimates of pi
      EXPECT_NEAR(std::stod(out), 3.14159, 0.1);
      EXPECT_NEAR(v.as_float(), 3.14159, 0.1);
    }
  }
}

TEST(Programs, TheTapeOnlyRowIsTheKernelsAlone) {
  ProgramBackendOptions po;
  po.programs_dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  auto f = program_backend([](const std::string&, const std::string&) -> std::string { return ""; }, po);
  for (auto sizes : {"seed", "quick", "compare"}) {
    int tape_rows = 0;
    for (auto& w : workloads(sizes)) {
      EXPECT_EQ(w.kernels_only, w.op == "json_tape") << w.op;
      if (!w.kernels_only) continue;
      ++tape_rows;
      Case c = f(w);
      EXPECT_NE(c.skip.find("json_tape"), std::string::npos) << c.skip;
      EXPECT_EQ(runtime_operation(w.op), "json_stats");
      // the same document as the json_parse row of the same size
      for (auto& p : workloads(sizes)) {
        if (p.op == "json_parse") {
          EXPECT_EQ(p.params, w.params);
        }
      }
    }
    EXPECT_EQ(tape_rows, 1) << sizes;
  }
}

TEST(Programs, JsonDocumentIsTheOneTheProgramsBuild) {
  if (system("python3 -c 'pass' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not installed";
  std::string dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  std::string src = slurp(dir + "/json_parse.py");
  src = src.substr(0, src.find("records = "));
  src += "import sys\nsys.stdout.write('[' + ','.join(record(i) for i in range(25)) + ']')\n";
  auto run_py = subprocess_runner({"/usr/bin/env", "python3"});
  EXPECT_EQ(run_py(src, "doc.py"), make_json_document(25));
}

TEST(Programs, ProgramBackendUsesTheProgramsOwnTiming) {
  auto calls = std::make_shared<std::vector<std::string>>();
  ProgramBackendOptions po;
  po.programs_dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  auto f = program_backend([calls](const std::string& src, const std::string& path) {
    calls->push_back(src);
    return std::string("55\nbench-work-ms: 12.5 0\n55\nbench-work-ms: 4.5 1\n");
  }, po);
  Workload w;
  w.op = "fib", w.size = "10", w.params = {{"n", 10}};
  Case c = f(w);
  ASSERT_TRUE(c.skip.empty()) << c.skip;
  EXPECT_FALSE(c.setup);
  EXPECT_FALSE(c.memory);  // not a child process: no child_memory
  c.run();
  ASSERT_EQ(calls->size(), 1u);
  EXPECT_NE(calls->back().find("let n = 10  # bench:param"), std::string::npos);
  EXPECT_NE(calls->back().find("for bench_rep_ in range(2):\n    bench_t0_ = time.perf_counter()\n    print(fib(n))"),
            std::string::npos)
      << calls->back();
  EXPECT_EQ(c.last_ms(), 4.5);   // the warm repetition is the sample
  EXPECT_EQ(c.cold_ms(), 12.5);  // the first is the first call
  EXPECT_EQ(c.output(), "55");
  EXPECT_NE(c.note.find("first call"), std::string::npos) << c.note;
}

TEST(Programs, ChildMemoryIsMeasuredOnARunDoingTheWorkOnce) {
  auto calls = std::make_shared<std::vector<std::string>>();
  ProgramBackendOptions po;
  po.programs_dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  po.child_memory = true;
  auto repeat = std::make_shared<bool>(true);
  auto f = program_backend([calls, repeat](const std::string& src, const std::string&) {
    calls->push_back(src);
    return std::string(*repeat ? "55\nbench-work-ms: 3 0\n55\nbench-work-ms: 1 1\n" : "55\nbench-work-ms: 3000 0\n");
  }, po);
  Workload w;
  w.op = "fib", w.size = "10", w.params = {{"n", 10}};
  Case c = f(w);
  ASSERT_TRUE(c.memory);
  EXPECT_EQ(c.memory_kind, MemoryKind::ProcessMaxRss);
  c.run();
  c.memory();
  ASSERT_EQ(calls->size(), 2u);
  EXPECT_NE((*calls)[1].find("for bench_rep_ in range(1):"), std::string::npos) << (*calls)[1];
  *repeat = false;  // long work: the timed run already did it once
  c.run();
  c.memory();
  EXPECT_EQ(calls->size(), 3u);
  EXPECT_EQ(c.last_ms(), 3000);
  EXPECT_EQ(c.cold_ms(), 3000);
}

TEST(Harness, FirstCallComesFromColdMs) {
  HarnessOptions o = quiet(5);
  o.backends = {"proc"};
  Harness h(o);
  auto runs = std::make_shared<int>(0);
  h.add_backend("proc", [runs](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "proc";
    c.run = [runs] { ++*runs; };
    c.last_ms = [] { return 4.5; };                            // warm
    c.cold_ms = [runs] { return *runs == 1 ? 30.0 : 10.0; };  // cold; the very first process slower
    return c;
  });
  auto ws = two_workloads();
  ws.resize(1);
  auto r = h.run(ws)[0];
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.median_ms, 4.5);
  EXPECT_EQ(r.first_ms, 10.0);  // the median of every run's cold time
  EXPECT_EQ(r.reps, 6);         // the first run is not a warm sample
  EXPECT_EQ(*runs, 7);
  // single shot: one run, its (warm = cold) time is both
  HarnessOptions o2 = quiet(5);
  o2.single_shot_ms = 100;
  o2.backends = {"long"};
  Harness h2(o2);
  h2.add_backend("long", [](const Workload& w) {
    Case c;
    c.op = w.op, c.size = w.size, c.backend = "long";
    c.run = [] {};
    c.last_ms = [] { return 200.0; };
    c.cold_ms = [] { return 210.0; };
    return c;
  });
  auto r2 = h2.run(ws)[0];
  EXPECT_EQ(r2.reps, 1);
  EXPECT_EQ(r2.median_ms, 200.0);
  EXPECT_EQ(r2.first_ms, 210.0);
}

TEST(Programs, ProgramBackendWithoutTimingSubtractsTheSetupRun) {
  auto calls = std::make_shared<std::vector<std::string>>();
  ProgramBackendOptions po;
  po.programs_dir = std::string(ML_SOURCE_DIR) + "/bench/programs";
  auto f = program_backend([calls](const std::string& src, const std::string& path) {
    calls->push_back(src);
    return std::string("55\nmore\n");
  }, po);
  Workload w;
  w.op = "fib", w.size = "10", w.params = {{"n", 10}};
  Case c = f(w);
  c.run();
  ASSERT_EQ(calls->size(), 4u);  // the run, then 3 setup-only runs (once)
  for (int i = 1; i < 4; ++i) EXPECT_EQ((*calls)[i].find("bench:work"), std::string::npos);
  c.run();
  EXPECT_EQ(calls->size(), 5u);
  EXPECT_GE(c.last_ms(), 0);
  EXPECT_EQ(c.output(), "55");
  Workload none;
  none.op = "nothing-here", none.size = "1";
  EXPECT_NE(f(none).skip.find("not found"), std::string::npos);
}

TEST(Programs, SubprocessRunnerCapturesOutputAndFailures) {
  auto sh = subprocess_runner({"/bin/sh"});
  EXPECT_EQ(sh("sleep 0.05; echo hello; echo there", "a.sh"), "hello\nthere\n");
  EXPECT_GT(last_child_maxrss(), 0u);
  try {
    sh("echo oops >&2; exit 3", "b.sh");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("exit 3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("oops"), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------- real backends

TEST(RuntimeBackends, NativeAndWasmAgreeOnEveryQuickWorkload) {
  HarnessOptions o = quiet(2);
  o.backends = {"native", "wasm"};
  Harness h(o);
  h.add_backend("native", native_case);
  h.add_backend("wasm", [](const Workload& w) { return wasm_case(w, ML_BUILD_DIR "/kernels"); });
  auto rs = h.run(workloads("quick"));
  std::map<std::string, std::string> native_out;
  for (auto& r : rs)
    if (r.backend == "native") {
      ASSERT_TRUE(r.ok) << r.op << ": " << r.error;
      EXPECT_FALSE(r.output.empty());
      EXPECT_EQ(r.memory_kind, MemoryKind::RssDelta);
      native_out[r.op + r.size] = r.output;
    }
  bool wasm_ran = false;
  for (auto& r : rs)
    if (r.backend == "wasm") {
      if (!r.skipped.empty()) continue;  // no kernels built: reported, not failed
      ASSERT_TRUE(r.ok) << r.op << ": " << r.error;
      wasm_ran = true;
      EXPECT_EQ(r.output, native_out[r.op + r.size]) << r.op;
      EXPECT_EQ(r.memory_kind, MemoryKind::WasmLinearMemory);
      EXPECT_GE(r.peak_bytes, ml::engine::kPageSize);
      EXPECT_GT(r.vs_native, 0);
    }
  if (!wasm_ran) GTEST_SKIP() << "the WebAssembly kernels are not built in " ML_BUILD_DIR "/kernels";
}

TEST(BenchCommand, QuickRunWritesJsonAndPlotWithEveryOperationAndBackend) {
  std::string dir = temp_dir();
  BenchOptions o;
  o.sizes = "quick";
  o.json_path = dir + "/bench.json";
  o.plot_path = dir + "/bench.svg";
  o.kernels_dir = ML_BUILD_DIR "/kernels";
  o.budget_ms = 100;
  o.min_reps = 2;
  // the program backends run the multilingual binary when it is built, else they are reported
  if (std::filesystem::exists(ML_BINARY)) o.multilingual_binary = ML_BINARY;
  std::ostringstream out, err;
  ASSERT_EQ(cli_bench(o, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("operation"), std::string::npos);
  EXPECT_NE(out.str().find("Memory"), std::string::npos) << out.str();
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  std::string js = slurp(o.json_path);
  ASSERT_EQ(p.parse(js).get(doc), simdjson::SUCCESS) << js;
  std::set<std::string> pairs;
  for (auto r : doc["results"].get_array())
    pairs.insert(std::string(std::string_view(r["operation"].get_string())) + "/" +
                 std::string(std::string_view(r["backend"].get_string())));
  for (auto& op : operation_names())
    for (auto b : {"interpreted", "compiled", "native", "wasm"})
      EXPECT_TRUE(pairs.count(op + "/" + b)) << op << "/" << b;
  std::string why;
  EXPECT_TRUE(well_formed_xml(slurp(o.plot_path), &why)) << why;
  // filters and bad options
  BenchOptions f = o;
  f.ops = {"fib"};
  f.backends = {"native"};
  f.json_path = "-";
  f.plot_path.clear();
  f.quiet_table = true;
  std::ostringstream out2, err2;
  ASSERT_EQ(cli_bench(f, out2, err2), 0);
  ASSERT_EQ(p.parse(out2.str()).get(doc), simdjson::SUCCESS) << out2.str();
  EXPECT_EQ(doc["results"].get_array().size(), 1u);
  BenchOptions bad = o;
  bad.ops = {"nope"};
  std::ostringstream e3;
  EXPECT_EQ(cli_bench(bad, out2, e3), 2);
  EXPECT_NE(e3.str().find("unknown operation 'nope'"), std::string::npos);
  bad = o;
  bad.sizes = "giant";
  EXPECT_EQ(cli_bench(bad, out2, e3), 2);
  std::filesystem::remove_all(dir);
}
