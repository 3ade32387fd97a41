// `multilingual serve [DIR] [--port N]`: a small static HTTP server for the web page and the
// modules `build` writes. Browsers refuse ES modules (web/loader.mjs) and fetch() over file://,
// so the page must come from a server; this one needs nothing installed. Requests for the
// page's own files (index.html, loader.mjs, ...) are answered from the project's web folder,
// everything else from DIR (default: the working directory). GET and HEAD only, one request
// per connection (each on its own thread), paths confined to the two folders; a file with a
// gzip copy beside it (FILE.gz, as scripts/build-web.sh writes) is sent compressed to browsers
// that accept it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

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

bool write_all(int fd, const std::string& data) {
  for (size_t off = 0; off < data.size();) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    off += size_t(n);
  }
  return true;
}

// An answer that is not a file (errors): never cached.
void respond_text(int fd, int code, const std::string& reason, const std::string& body, bool head) {
  std::string h = fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n"
      "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
      code, reason, body.size());
  write_all(fd, head ? h : h + body);
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

// Whether the comma-separated header value lists `token` (If-None-Match's tags, Accept-Encoding's
// codings; a coding's ";q=0" refusal is honoured).
bool lists(const std::string& value, const std::string& token) {
  std::istringstream items(value);
  std::string item;
  while (std::getline(items, item, ',')) {
    auto b = item.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    item = item.substr(b);
    std::string params;
    if (auto semi = item.find(';'); semi != std::string::npos) {
      params = item.substr(semi);
      item.resize(semi);
    }
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.pop_back();
    bool refused = params.find("q=0") != std::string::npos && params.find("q=0.") == std::string::npos;
    if ((item == token || item == "*") && !refused) return true;
  }
  return false;
}

// What is sent for a file: the file itself, or its gzip-compressed copy FILE.gz (written by the
// build next to it) when the browser accepts gzip and the copy is not older than the file.
struct Representation {
  fs::path path;
  bool gzip = false;
  struct stat st {};
};

Representation representation(const fs::path& file, const std::string& req) {
  Representation r{file};
  ::stat(file.c_str(), &r.st);
  fs::path gz = file.string() + ".gz";
  struct stat zst {};
  if (lists(header_value(req, "accept-encoding"), "gzip") && ::stat(gz.c_str(), &zst) == 0 &&
      S_ISREG(zst.st_mode) && zst.st_mtime >= r.st.st_mtime) {
    r.path = gz;
    r.gzip = true;
    r.st = zst;
  }
  return r;
}

// A representation's version: its size and modification time (and which encoding).
std::string etag_of(const Representation& r) {
  uint64_t ns = uint64_t(r.st.st_mtim.tv_sec) * 1000000000ull + uint64_t(r.st.st_mtim.tv_nsec);
  return fmt::format("\"{:x}-{:x}{}\"", uint64_t(r.st.st_size), ns, r.gzip ? "-gz" : "");
}

// Caching: a request naming a content version (`?v=...`: the page puts the build's hash of the
// file there) may be kept forever, since another build is another address; anything else may
// be cached but is checked on every use (no-cache + ETag/Last-Modified, answered 304 when
// unchanged), so a rebuild is never served stale.
std::string cache_headers(const std::string& target, const Representation& r, const std::string& etag) {
  auto q = target.find('?');
  bool versioned = q != std::string::npos && (target.compare(q, 3, "?v=") == 0 || target.find("&v=", q) != std::string::npos);
  return std::string(versioned ? "Cache-Control: public, max-age=31536000, immutable\r\n" : "Cache-Control: no-cache\r\n") +
         "ETag: " + etag + "\r\n" + http_date("Date", std::time(nullptr)) + http_date("Last-Modified", r.st.st_mtime) +
         "Vary: Accept-Encoding\r\n" + (r.gzip ? "Content-Encoding: gzip\r\n" : "");
}

// The file's bytes straight from the page cache to the socket.
void send_body(int fd, const fs::path& path, size_t size) {
  int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return;
  off_t off = 0;
  while (size_t(off) < size) {
    ssize_t n = ::sendfile(fd, in, &off, size - size_t(off));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
  }
  ::close(in);
}

void serve_one(int fd, const fs::path& web, const fs::path& dir) {
  std::string req;
  char buf[4096];
  while (req.find("\r\n\r\n") == std::string::npos && req.size() < 16384) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    req.append(buf, size_t(n));
  }
  std::istringstream line(req.substr(0, req.find("\r\n")));
  std::string method, target;
  line >> method >> target;
  bool head = method == "HEAD";
  if (method != "GET" && !head) return respond_text(fd, 405, "Method Not Allowed", "GET or HEAD\n", false);
  fs::path file = resolve(web, target);
  if (file.empty()) file = resolve(dir, target);
  if (file.empty()) return respond_text(fd, 404, "Not Found", "not found: " + target + "\n", head);
  Representation r = representation(file, req);
  std::string etag = etag_of(r);
  bool unchanged = lists(header_value(req, "if-none-match"), etag);
  // HTTP/1.1 (with one request a connection all the same): Chromium ignores the ETag of an
  // HTTP/1.0 answer, so it would never revalidate and download every file on each visit.
  // (No Content-Length on a 304: a cache could take it for the stored body's.)
  std::string length = unchanged ? "" : fmt::format("Content-Length: {}\r\n", uint64_t(r.st.st_size));
  std::string h = fmt::format("HTTP/1.1 {}\r\nContent-Type: {}\r\n{}{}Connection: close\r\n\r\n",
                              unchanged ? "304 Not Modified" : "200 OK", content_type(file), length,
                              cache_headers(target, r, etag));
  if (write_all(fd, h) && !head && !unchanged) send_body(fd, r.path, size_t(r.st.st_size));
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
  // A connection a thread: the page asks for a dozen files at once, and one slow or silent
  // client must not hold up the others (a read waits 30 s at most).
  while (true) {
    int c = ::accept4(s, nullptr, nullptr, SOCK_CLOEXEC);
    if (c < 0) continue;
    timeval limit{30, 0};
    ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ::setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    std::thread([c, web, dir] {
      serve_one(c, web, dir);
      ::close(c);
    }).detach();
  }
}

}  // namespace ml::cli
