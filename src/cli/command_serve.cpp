// `multilingual serve [DIR] [--port N]`: a small static HTTP server for the web page and the
// modules `build` writes. Browsers refuse ES modules (web/loader.mjs) and fetch() over file://,
// so the page must come from a server; this one needs nothing installed. Requests for the
// page's own files (index.html, loader.mjs, ...) are answered from the project's web folder,
// everything else from DIR (default: the working directory). GET and HEAD only, one request
// per connection, paths confined to the two folders.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "support/install_layout.h"

namespace ml::cli {

namespace fs = std::filesystem;

namespace {

fs::path web_dir() { return install::locate(install::Data::Web).path; }

std::string content_type(const fs::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".mjs" || ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".wasm") return "application/wasm";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".txt" || ext == ".py" || ext == ".multi" || ext == ".wat") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// The file a request path names inside `root`, or empty when it is outside or missing.
fs::path resolve(const fs::path& root, std::string path) {
  if (auto q = path.find_first_of("?#"); q != std::string::npos) path.resize(q);
  std::string decoded;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
      decoded += char(std::stoi(path.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += path[i];
    }
  }
  fs::path rel = fs::path(decoded).relative_path().lexically_normal();
  if (rel.empty() || rel == ".") rel = "index.html";
  if (!rel.empty() && *rel.begin() == "..") return {};
  std::error_code ec;
  fs::path full = fs::weakly_canonical(root / rel, ec);
  fs::path base = fs::weakly_canonical(root, ec);
  if (ec || full.string().rfind(base.string(), 0) != 0) return {};
  if (fs::is_directory(full, ec)) full /= "index.html";  // /playground/ is its index.html
  if (!fs::is_regular_file(full, ec)) return {};
  return full;
}

// "Name: <the time as an HTTP date>\r\n".
std::string http_date(const char* name, std::time_t t) {
  char buf[64];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return std::string(name) + ": " + buf + "\r\n";
}

// `etag` empty: not to be cached (errors). Files may be cached but are checked on every use
// (no-cache + ETag/Last-Modified, answered 304 when unchanged), so a rebuild is never served
// stale.
void respond(int fd, int code, const std::string& reason, const std::string& type, const std::string& body,
             bool head, const std::string& etag = "", std::time_t modified = 0) {
  std::string cache = etag.empty() ? "Cache-Control: no-store\r\n"
                                   : "Cache-Control: no-cache\r\nETag: " + etag + "\r\n" +
                                         http_date("Date", std::time(nullptr)) + http_date("Last-Modified", modified);
  std::string h = fmt::format(
      "HTTP/1.0 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n",
      code, reason, type, body.size(), cache);
  std::string all = head || code == 304 ? h : h + body;
  for (size_t off = 0; off < all.size();) {
    ssize_t n = ::write(fd, all.data() + off, all.size() - off);
    if (n <= 0) return;
    off += size_t(n);
  }
}

std::time_t modified_time(const fs::path& file) {
  struct stat st{};
  return ::stat(file.c_str(), &st) == 0 ? st.st_mtime : 0;
}

// A file's version: its size and modification time.
std::string etag_of(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  auto time = fs::last_write_time(file, ec);
  if (ec) return "";
  return fmt::format("\"{:x}-{:x}\"", size, uint64_t(time.time_since_epoch().count()));
}

// The value of request header `name` (lower case), trimmed; empty when absent.
std::string header_value(const std::string& req, const std::string& name) {
  std::istringstream lines(req);
  std::string line;
  while (std::getline(lines, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon);
    for (char& c : key) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (key != name) continue;
    std::string v = line.substr(colon + 1);
    auto b = v.find_first_not_of(" \t"), e = v.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : v.substr(b, e - b + 1);
  }
  return "";
}

void serve_one(int fd, const fs::path& web, const fs::path& dir) {
  std::string req;
  char buf[4096];
  while (req.find("\r\n\r\n") == std::string::npos && req.size() < 16384) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    req.append(buf, size_t(n));
  }
  std::istringstream line(req.substr(0, req.find("\r\n")));
  std::string method, path;
  line >> method >> path;
  bool head = method == "HEAD";
  if (method != "GET" && !head) return respond(fd, 405, "Method Not Allowed", "text/plain", "GET or HEAD\n", false);
  fs::path file = resolve(web, path);
  if (file.empty()) file = resolve(dir, path);
  if (file.empty()) return respond(fd, 404, "Not Found", "text/plain", "not found: " + path + "\n", head);
  std::string etag = etag_of(file);
  if (!etag.empty() && header_value(req, "if-none-match") == etag)
    return respond(fd, 304, "Not Modified", content_type(file), "", head, etag, modified_time(file));
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  respond(fd, 200, "OK", content_type(file), body.str(), head, etag, modified_time(file));
}

}  // namespace

int cmd_serve(const Options& opt) {
  fs::path dir = opt.file.empty() ? fs::current_path() : fs::path(opt.file);
  if (!fs::is_directory(dir)) throw std::runtime_error("serve: '" + dir.string() + "' is not a folder");
  fs::path web = web_dir();
  if (!fs::is_regular_file(web / "index.html"))
    throw std::runtime_error("serve: the web page is not in '" + web.string() + "' (set MULTILINGUAL_WEB_DIR)");
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(opt.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 16) != 0)
    throw std::runtime_error(fmt::format("serve: cannot listen on 127.0.0.1:{} ({})", opt.port, std::strerror(errno)));
  std::signal(SIGPIPE, SIG_IGN);
  std::cout << fmt::format("serving {} and {} at http://127.0.0.1:{}/ (Ctrl-C stops)\n", web.string(), dir.string(),
                           opt.port)
            << std::flush;
  while (true) {
    int c = ::accept(s, nullptr, nullptr);
    if (c < 0) continue;
    serve_one(c, web, dir);
    ::close(c);
  }
}

}  // namespace ml::cli
