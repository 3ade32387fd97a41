// `multilingual serve` and the web page: over HTTP the page runs a built module in Chromium;
// opened from file:// (where browsers refuse ES modules) it says what to do instead of waiting.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

std::string shell(const std::string& cmd) { return ml::test_support::run_command(cmd); }

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
  // Cached but checked on each use: an unchanged file is answered 304 without its body. (As
  // HTTP/1.1: Chromium sends no If-None-Match for what an HTTP/1.0 answer tagged, and so
  // downloaded every file again on each visit.)
  EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head;
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

// Starts `serve` in `dir` on a random port; returns its pid and sets `base` once it answers `probe`.
std::string start_server(const fs::path& dir, unsigned seed, std::string& base, const std::string& probe) {
  std::mt19937 rng(static_cast<unsigned>(getpid()) + seed);
  int port = 20000 + static_cast<int>(rng() % 20000);
  std::string pid = shell("cd " + shell_quote(dir.string()) + " && (exec " + shell_quote(ML_BINARY) + " serve --port " +
                          std::to_string(port) + " >serve.log 2>&1 & echo $!)");
  base = "http://127.0.0.1:" + std::to_string(port) + "/";
  for (int i = 0; i < 40 && shell("curl -s -o /dev/null -w '%{http_code}' " + base + probe) != "200"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return pid;
}

// A file asked for under a content version (`?v=`) may be cached for good; a gzip copy beside
// a file is sent to clients that accept gzip, and only while it is not older than the file.
TEST(Serve, VersionedFilesAreImmutableAndGzipCopiesAreSentToWhoAcceptsThem) {
  auto dir = scratch_dir("serve_gzip");
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "console.log('line " + std::to_string(i) + "');\n";
  write_file(dir / "big.js", text);
  shell("cd " + shell_quote(dir.string()) + " && gzip -9 -n -k -f big.js");
  std::string base;
  std::string pid = start_server(dir, 11, base, "big.js");
  std::string plain = shell("curl -si " + base + "big.js");
  std::string asks = shell("curl -sI -H 'Accept-Encoding: gzip, deflate, br' " + base + "big.js");
  std::string refuses = shell("curl -sI -H 'Accept-Encoding: gzip;q=0, br' " + base + "big.js");
  std::string unzipped = shell("curl -s --compressed " + base + "big.js");
  std::string versioned = shell("curl -sI '" + base + "big.js?v=0123abcd'");
  // The file changes after its copy was made: the stale copy is no longer sent.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  write_file(dir / "big.js", text + "// changed\n");
  std::string stale = shell("curl -sI -H 'Accept-Encoding: gzip' " + base + "big.js");
  shell("kill " + pid);
  EXPECT_NE(plain.find("200 OK"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("Content-Encoding"), std::string::npos) << plain;
  EXPECT_EQ(plain.substr(plain.find("\r\n\r\n") + 4), text);
  EXPECT_NE(plain.find("Cache-Control: no-cache"), std::string::npos) << plain;
  EXPECT_NE(asks.find("Content-Encoding: gzip"), std::string::npos) << asks;
  EXPECT_NE(asks.find("Content-Length: " + std::to_string(fs::file_size(dir / "big.js.gz"))), std::string::npos) << asks;
  EXPECT_NE(asks.find("Vary: Accept-Encoding"), std::string::npos) << asks;
  EXPECT_EQ(refuses.find("Content-Encoding"), std::string::npos) << refuses;
  EXPECT_EQ(unzipped, text);
  EXPECT_NE(versioned.find("Cache-Control: public, max-age=31536000, immutable"), std::string::npos) << versioned;
  EXPECT_EQ(stale.find("Content-Encoding"), std::string::npos) << stale;
}

// One client that connects and says nothing does not hold up the others.
TEST(Serve, ASilentClientDoesNotHoldUpOthers) {
  auto dir = scratch_dir("serve_silent");
  write_file(dir / "a.txt", "answer\n");
  std::string base;
  std::string pid = start_server(dir, 23, base, "a.txt");
  int port = std::stoi(base.substr(base.rfind(':') + 1));
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // accepted, waiting for a request
  std::string got = shell("curl -s -m 10 " + base + "a.txt");
  ::close(silent);
  shell("kill " + pid);
  EXPECT_EQ(got, "answer\n");
}

TEST(Serve, AFilePageSaysToServeIt) {
  auto dir = scratch_dir("serve_file");
  std::string dom = chromium_dom("file://" + std::string(ML_SOURCE_DIR) + "/web/index.html?wasm=x.wasm", dir / "profile");
  EXPECT_NE(dom.find("multilingual serve"), std::string::npos) << dom;
  EXPECT_NE(dom.find("id=\"status\">error"), std::string::npos) << dom;
}

}  // namespace
