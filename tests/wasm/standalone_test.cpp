// `build`: whole programs compiled to one .wasm, run by web/loader.mjs under node and by
// web/index.html in headless Chromium; the printed text must be what Python prints.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "shared/subprocess.h"
#include "wasm/standalone.h"
#include "wasm_util.h"

namespace fs = std::filesystem;
using namespace ml::wasmtest;

namespace {

fs::path temp_dir() {
  static int counter = 0;
  fs::path d = fs::temp_directory_path() / ("mlwasm_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  fs::create_directories(d);
  return d;
}

ml::wasm::StandaloneResult build(const std::string& text, const std::string& lang = "en") {
  Prog p(text, lang);
  return ml::wasm::build_standalone(p.module, *ml::LanguageRegistry::instance().find(lang));
}

void write_file(const fs::path& f, const std::vector<uint8_t>& bytes) {
  std::ofstream o(f, std::ios::binary);
  o.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Builds and runs under node; returns stdout (+ "stderr:" text and exit status when failing).
std::string node_run(const std::string& text, const std::string& lang = "en") {
  auto r = build(text, lang);
  if (!r.ok) return "not compiled: " + r.reason.text();
  fs::path d = temp_dir();
  write_file(d / "prog.wasm", r.wasm);
  int st = 0;
  std::string out = ml::test_support::run_command("node " + std::string(ML_SOURCE_DIR) + "/web/loader.mjs " + (d / "prog.wasm").string() +
                                " 2>" + (d / "err.txt").string(),
                            &st);
  if (st != 0) {
    std::ifstream e(d / "err.txt");
    out += "stderr:" + std::string(std::istreambuf_iterator<char>(e), {}) + "status:" + std::to_string(st);
  }
  fs::remove_all(d);
  return out;
}

const char* kProgram = R"(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)

let size = 4
let grid = [[float(i * size + j) for j in range(size)] for i in range(size)]
print("fib", fib(20))
print(mean(grid[1]), grid[2])
for i in range(3):
    print(i, i * 0.1, -7 // 2, -7 % 3, 2 ** 10, 1e16, 1 / 3, i == 1)
)";

const char* kExpected =
    "fib 6765\n"
    "5.5 [8.0, 9.0, 10.0, 11.0]\n"
    "0 0.0 -4 2 1024 1e+16 0.3333333333333333 False\n"
    "1 0.1 -4 2 1024 1e+16 0.3333333333333333 True\n"
    "2 0.2 -4 2 1024 1e+16 0.3333333333333333 False\n";

}  // namespace

TEST(Standalone, NodeLoaderPrintsLikePython) {
  EXPECT_EQ(node_run(kProgram), kExpected);
}

TEST(Standalone, FrenchProgram) {
  EXPECT_EQ(node_run("déf carré(x):\n    retour x * x\n\nafficher(carré(12), carré(1.5))\n", "fr"), "144 2.25\n");
}

TEST(Standalone, ErrorsAreLocalized) {
  std::string out = node_run("déf f(a):\n    retour a // 0\n\nafficher(1)\nafficher(f(3))\n", "fr");
  EXPECT_EQ(out.substr(0, 2), "1\n");
  EXPECT_NE(out.find("Erreur de division par zéro"), std::string::npos) << out;
  EXPECT_NE(out.find("line 2"), std::string::npos) << out;
  EXPECT_NE(out.find("status:1"), std::string::npos) << out;
  std::string ix = node_run("let xs = [1, 2]\nprint(xs[2])\n");
  EXPECT_NE(ix.find("IndexError: list index out of range"), std::string::npos) << ix;
}

TEST(Standalone, ProgramsThatDoNotCompileSayWhy) {
  auto r = build("class A:\n    pass\nprint(1)\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.reason.text(), "class definition at line 1:1");
  auto g = build("def f():\n    return k\nprint(f())\nk = 1\n");
  EXPECT_FALSE(g.ok);
  EXPECT_NE(g.reason.text().find("module variable 'k'"), std::string::npos) << g.reason.text();
  auto u = build("print(y)\ny = 2\n");
  EXPECT_FALSE(u.ok);
  EXPECT_NE(u.reason.text().find("name 'y' that may be used before it is assigned"), std::string::npos) << u.reason.text();
}

TEST(Standalone, WatIsReadable) {
  auto r = build(kProgram);
  ASSERT_TRUE(r.ok) << r.reason.text();
  EXPECT_NE(r.wat.find("(func $main (export \"_start\") (export \"main\")"), std::string::npos) << r.wat.substr(0, 2000);
  EXPECT_NE(r.wat.find("(import \"env\" \"print_f64\""), std::string::npos);
  EXPECT_NE(r.wat.find("(func $fib.int (param $n i64) (param $rem i32) (result i64)"), std::string::npos) << r.wat;
}

TEST(Standalone, ChromiumPageRunsIt) {
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "no chromium";
  auto r = build(kProgram);
  ASSERT_TRUE(r.ok) << r.reason.text();
  fs::path d = temp_dir();
  fs::copy_file(fs::path(ML_SOURCE_DIR) / "web/index.html", d / "index.html");
  fs::copy_file(fs::path(ML_SOURCE_DIR) / "web/loader.mjs", d / "loader.mjs");
  write_file(d / "prog.wasm", r.wasm);
  // a free port from the kernel, then a static server on it
  std::mt19937 rng(static_cast<unsigned>(getpid()));
  int port = 20000 + static_cast<int>(rng() % 20000);
  std::string server = "cd " + d.string() + " && exec python3 -m http.server " + std::to_string(port) +
                       " --bind 127.0.0.1 >/dev/null 2>&1 & echo $!";
  std::string pid = ml::test_support::run_command(server);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  std::string dom;
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    fs::path profile = d / ("profile" + std::to_string(attempt));
    dom = ml::test_support::run_command("timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                  "--disable-component-update --no-first-run --virtual-time-budget=5000 --user-data-dir=" +
                  profile.string() + " --dump-dom 'http://127.0.0.1:" + std::to_string(port) +
                  "/index.html?wasm=prog.wasm' 2>/dev/null");
    if (dom.find("id=\"status\">done") != std::string::npos || dom.find("id=\"status\">error") != std::string::npos) break;
  }
  if (!pid.empty()) ml::test_support::run_command("kill " + pid);
  fs::remove_all(d);
  size_t a = dom.find("<pre id=\"out\">");
  ASSERT_NE(a, std::string::npos) << dom;
  a += 14;
  size_t b = dom.find("</pre>", a);
  EXPECT_EQ(dom.substr(a, b - a), kExpected) << dom;
  EXPECT_NE(dom.find("id=\"status\">done"), std::string::npos) << dom;
}
