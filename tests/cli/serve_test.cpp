// `multilingual serve` and the web page: over HTTP the page runs a built module in Chromium;
// opened from file:// (where browsers refuse ES modules) it says what to do instead of waiting.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

std::string shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string chromium_dom(const std::string& url, const fs::path& profile) {
  return shell("timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-component-update --no-first-run --virtual-time-budget=5000 --user-data-dir=" +
               profile.string() + " --dump-dom '" + url + "' 2>/dev/null");
}

TEST(Serve, ServesThePageAndBuiltModules) {
  auto dir = scratch_dir("serve_http");
  write_file(dir / "prog.py", "def f(n: int) -> int:\n    return n * 3\nprint(f(14))\n");
  auto b = run_ml("build prog.py -o prog.wasm", dir.string());
  ASSERT_EQ(b.status, 0) << b.out;
  std::mt19937 rng(static_cast<unsigned>(getpid()));
  int port = 20000 + static_cast<int>(rng() % 20000);
  std::string pid = shell("cd " + shell_quote(dir.string()) + " && (exec " + shell_quote(ML_BINARY) + " serve --port " +
                          std::to_string(port) + " >serve.log 2>&1 & echo $!)");
  std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
  std::string head;
  for (int i = 0; i < 40 && head.find("200 OK") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    head = shell("curl -sI " + base + "prog.wasm");
  }
  EXPECT_NE(head.find("Content-Type: application/wasm"), std::string::npos) << head;
  EXPECT_NE(shell("curl -sI " + base + "loader.mjs").find("text/javascript"), std::string::npos);
  // Cached but checked on each use: an unchanged file is answered 304 without its body.
  EXPECT_NE(head.find("Cache-Control: no-cache"), std::string::npos) << head;
  auto tag_at = head.find("ETag: ");
  ASSERT_NE(tag_at, std::string::npos) << head;
  std::string etag = head.substr(tag_at + 6, head.find('\r', tag_at) - tag_at - 6);
  std::string again = shell("curl -si -H 'If-None-Match: " + etag + "' " + base + "prog.wasm");
  EXPECT_NE(again.find("304 Not Modified"), std::string::npos) << again;
  EXPECT_EQ(again.find("\r\n\r\n") + 4, again.size()) << again;  // no body
  std::string other = shell("curl -si -H 'If-None-Match: \"stale\"' " + base + "prog.wasm");
  EXPECT_NE(other.find("200 OK"), std::string::npos) << other;
  EXPECT_NE(shell("curl -s --path-as-is " + base + "../../../../etc/passwd").find("not found"), std::string::npos);
  std::string dom;
  for (int attempt = 0; attempt < 5; ++attempt) {
    dom = chromium_dom(base + "?wasm=prog.wasm", dir / ("profile" + std::to_string(attempt)));
    if (dom.find("id=\"status\">done") != std::string::npos) break;
  }
  shell("kill " + pid);
  EXPECT_NE(dom.find("<pre id=\"out\">42\n</pre>"), std::string::npos) << dom;
  EXPECT_NE(dom.find("id=\"status\">done"), std::string::npos) << dom;
}

// A folder's address answers with its index.html: the playground opens at /playground/.
TEST(Serve, AFolderAnswersWithItsIndex) {
  auto dir = scratch_dir("serve_index");
  fs::create_directories(dir / "lesson");
  write_file(dir / "lesson" / "index.html", "<p>lesson one</p>\n");
  std::mt19937 rng(static_cast<unsigned>(getpid()) + 7);
  int port = 20000 + static_cast<int>(rng() % 20000);
  std::string pid = shell("cd " + shell_quote(dir.string()) + " && (exec " + shell_quote(ML_BINARY) + " serve --port " +
                          std::to_string(port) + " >serve.log 2>&1 & echo $!)");
  std::string base = "http://127.0.0.1:" + std::to_string(port) + "/";
  std::string body;
  for (int i = 0; i < 40 && body.find("lesson one") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    body = shell("curl -s " + base + "lesson/");
  }
  std::string page = shell("curl -si " + base + "playground/");
  std::string missing = shell("curl -si " + base + "nothing/");
  shell("kill " + pid);
  EXPECT_EQ(body, "<p>lesson one</p>\n");
  EXPECT_NE(page.find("text/html"), std::string::npos) << page;
  EXPECT_NE(page.find("id=\"editor\""), std::string::npos) << page;
  EXPECT_NE(missing.find("404"), std::string::npos) << missing;
}

TEST(Serve, AFilePageSaysToServeIt) {
  auto dir = scratch_dir("serve_file");
  std::string dom = chromium_dom("file://" + std::string(ML_SOURCE_DIR) + "/web/index.html?wasm=x.wasm", dir / "profile");
  EXPECT_NE(dom.find("multilingual serve"), std::string::npos) << dom;
  EXPECT_NE(dom.find("id=\"status\">error"), std::string::npos) << dom;
}

}  // namespace
