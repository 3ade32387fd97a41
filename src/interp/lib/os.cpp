// os and os.path: the process's environment and working folder, files and folders (through
// std::filesystem), and the path-string functions of Python's posixpath.
#include <cerrno>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace fs = std::filesystem;

namespace {

std::string P(const Value& v, const char* fn) {
  if (v.is(OK::Str)) return str_of(v);
  if (v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  Value f;
  if (v.is(OK::Inst) && getattr_opt(v, "__fspath__", f)) return P(call0(f), fn);
  raise_id("TypeError", "runtime.path_type", {{"name", std::string(fn)}, {"type", type_name(v)}});
}

[[noreturn]] void os_error(const std::error_code& ec, const std::string& path) { raise_errno(ec.value(), &path); }

// posixpath.normpath
std::string normpath(const std::string& p) {
  if (p.empty()) return ".";
  int initial = p[0] == '/' ? (p.size() > 1 && p[1] == '/' && (p.size() < 3 || p[2] != '/') ? 2 : 1) : 0;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    std::string c = p.substr(i, j - i);
    if (!c.empty() && c != ".") {
      if (c != ".." || (!initial && parts.empty()) || (!parts.empty() && parts.back() == "..")) parts.push_back(c);
      else if (!parts.empty()) parts.pop_back();
    }
    i = j + 1;
  }
  std::string out(initial, '/');
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : "") + parts[k];
  return out.empty() ? "." : out;
}

std::string join(Value* a, int n) {
  std::string out = P(a[0], "join");
  for (int i = 1; i < n; ++i) {
    std::string p = P(a[i], "join");
    if (!p.empty() && p[0] == '/') out = p;
    else if (out.empty() || out.back() == '/') out += p;
    else out += "/" + p;
  }
  return out;
}

std::pair<std::string, std::string> split(const std::string& p) {
  size_t i = p.rfind('/') + 1;  // npos + 1 == 0
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos)
    while (!head.empty() && head.back() == '/') head.pop_back();
  return {head, tail};
}

std::pair<std::string, std::string> splitext(const std::string& p) {
  size_t sep = p.rfind('/'), dot = p.rfind('.');
  size_t start = sep == std::string::npos ? 0 : sep + 1;
  if (dot == std::string::npos || dot < start) return {p, ""};
  size_t k = start;
  while (k < dot && p[k] == '.') ++k;
  if (k == dot) return {p, ""};  // only leading dots: .bashrc
  return {p.substr(0, dot), p.substr(dot)};
}

std::string abspath(const std::string& p) {
  if (!p.empty() && p[0] == '/') return normpath(p);
  char buf[4096];
  std::string cwd = getcwd(buf, sizeof buf) ? buf : ".";
  return normpath(cwd + "/" + p);
}

void init_path(DictObj* pd) {
  pd->set(str_key("sep"), mk_str("/"));
  pd->set(str_key("curdir"), mk_str("."));
  pd->set(str_key("pardir"), mk_str(".."));
  pd->set(str_key("extsep"), mk_str("."));
  def_native(pd, "join", [](ARGS) -> Value { check_args("join", n, 1, -1); return mk_str(join(a, n)); });
  def_native(pd, "normpath", [](ARGS) -> Value { check_args("normpath", n, 1, 1); return mk_str(normpath(P(a[0], "normpath"))); });
  def_native(pd, "abspath", [](ARGS) -> Value { check_args("abspath", n, 1, 1); return mk_str(abspath(P(a[0], "abspath"))); });
  def_native(pd, "realpath", [](ARGS) -> Value {
    check_args("realpath", n, 1, 1);
    std::error_code ec;
    fs::path r = fs::weakly_canonical(abspath(P(a[0], "realpath")), ec);
    return mk_str(ec ? abspath(P(a[0], "realpath")) : r.string());
  });
  def_native(pd, "split", [](ARGS) -> Value {
    check_args("split", n, 1, 1);
    auto [h, t] = split(P(a[0], "split"));
    return mk_tuple({mk_str(h), mk_str(t)});
  });
  def_native(pd, "basename", [](ARGS) -> Value { check_args("basename", n, 1, 1); return mk_str(split(P(a[0], "basename")).second); });
  def_native(pd, "dirname", [](ARGS) -> Value { check_args("dirname", n, 1, 1); return mk_str(split(P(a[0], "dirname")).first); });
  def_native(pd, "splitext", [](ARGS) -> Value {
    check_args("splitext", n, 1, 1);
    auto [r, e] = splitext(P(a[0], "splitext"));
    return mk_tuple({mk_str(r), mk_str(e)});
  });
  // POSIX has no drives and keeps case: the path itself (as os.fspath gives it)
  auto fspath_value = [](const Value& v, const char* fn) { return v.is(OK::Str) || v.is(OK::Bytes) ? v : mk_str(P(v, fn)); };
  def_native(pd, "splitdrive", [fspath_value](ARGS) -> Value {
    check_args("splitdrive", n, 1, 1);
    Value p = fspath_value(a[0], "splitdrive");
    return mk_tuple({p.is(OK::Bytes) ? mk_bytes(std::string()) : mk_str(""), p});
  });
  def_native(pd, "normcase", [fspath_value](ARGS) -> Value { check_args("normcase", n, 1, 1); return fspath_value(a[0], "normcase"); });
  def_native(pd, "isabs", [](ARGS) -> Value { check_args("isabs", n, 1, 1); std::string p = P(a[0], "isabs"); return Value::boolean(!p.empty() && p[0] == '/'); });
  def_native(pd, "exists", [](ARGS) -> Value { std::error_code ec; return Value::boolean(fs::exists(P(a[0], "exists"), ec)); });
  // lexists: the path names something, a broken symbolic link included (exists follows links).
  def_native(pd, "lexists", [](ARGS) -> Value {
    std::error_code ec;
    return Value::boolean(fs::exists(fs::symlink_status(P(a[0], "lexists"), ec)));
  });
  def_native(pd, "isfile", [](ARGS) -> Value { std::error_code ec; return Value::boolean(fs::is_regular_file(P(a[0], "isfile"), ec)); });
  def_native(pd, "isdir", [](ARGS) -> Value { std::error_code ec; return Value::boolean(fs::is_directory(P(a[0], "isdir"), ec)); });
  def_native(pd, "islink", [](ARGS) -> Value { std::error_code ec; return Value::boolean(fs::is_symlink(P(a[0], "islink"), ec)); });
  def_native(pd, "getsize", [](ARGS) -> Value {
    std::string p = P(a[0], "getsize");
    std::error_code ec;
    auto sz = fs::file_size(p, ec);
    if (ec) os_error(ec, p);
    return Value::integer((int64_t)sz);
  });
  def_native(pd, "expanduser", [](ARGS) -> Value {
    std::string p = P(a[0], "expanduser");
    const char* home = std::getenv("HOME");
    if (home && !p.empty() && p[0] == '~' && (p.size() == 1 || p[1] == '/')) return mk_str(home + p.substr(1));
    return mk_str(p);
  });
  def_native(pd, "relpath", [](ARGS) -> Value {
    check_args("relpath", n, 1, 2);
    std::string p = abspath(P(a[0], "relpath")), start = abspath(n > 1 ? P(a[1], "relpath") : ".");
    return mk_str(fs::path(p).lexically_relative(start).string());
  });
  def_native(pd, "commonprefix", [](ARGS) -> Value {
    ValueVec v = to_vec(a[0]);
    if (v.empty()) return mk_str("");
    std::string pre = P(v[0], "commonprefix");
    for (auto& x : v) {
      std::string s = P(x, "commonprefix");
      size_t k = 0;
      while (k < pre.size() && k < s.size() && pre[k] == s[k]) ++k;
      pre.resize(k);
    }
    return mk_str(pre);
  });
}

void init_os_functions(DictObj* od) {
  od->set(str_key("sep"), mk_str("/"));
  od->set(str_key("linesep"), mk_str("\n"));
  od->set(str_key("name"), mk_str("posix"));
  od->set(str_key("curdir"), mk_str("."));
  od->set(str_key("pardir"), mk_str(".."));
  od->set(str_key("pathsep"), mk_str(":"));
  od->set(str_key("devnull"), mk_str("/dev/null"));
  Value env = mk_dict();
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env.as<DictObj>()->set(mk_str(kv.substr(0, eq)), mk_str(kv.substr(eq + 1)));
  }
  od->set(str_key("environ"), env);
  def_native(od, "getcwd", [](ARGS) -> Value {
    char buf[4096];
    return mk_str(getcwd(buf, sizeof buf) ? buf : ".");
  });
  def_native(od, "getenv", [](ARGS) -> Value {
    const char* v = std::getenv(P(a[0], "getenv").c_str());
    return v ? mk_str(v) : (n > 1 ? a[1] : Value());
  });
  // os.urandom(n): n bytes from the kernel's random source (uuid4, secrets)
  def_native(od, "urandom", [](ARGS) -> Value {
    check_args("urandom", n, 1, 1);
    int64_t size = as_index(a[0]);
    if (size < 0) raise_id("ValueError", "runtime.negative_argument");
    std::string out(size_t(size), '\0');
    // getentropy (glibc and Emscripten's libc alike; getrandom is Linux-only) gives at most
    // 256 bytes a call.
    for (size_t got = 0; got < out.size();) {
      size_t chunk = std::min<size_t>(256, out.size() - got);
      if (getentropy(out.data() + got, chunk) != 0) {
        if (errno == EINTR) continue;
        raise_errno(errno);
      }
      got += chunk;
    }
    return mk_bytes(std::move(out));
  });
  def_native(od, "getpid", [](ARGS) -> Value { return Value::integer((int64_t)getpid()); });
  def_native(od, "cpu_count", [](ARGS) -> Value { return Value::integer((int64_t)std::max(1u, std::thread::hardware_concurrency())); });
  def_native(od, "fspath", [](ARGS) -> Value { check_args("fspath", n, 1, 1); return a[0].is(OK::Str) || a[0].is(OK::Bytes) ? a[0] : mk_str(P(a[0], "fspath")); });
  def_native(od, "listdir", [](ARGS) -> Value {
    std::string p = n ? P(a[0], "listdir") : ".";
    std::error_code ec;
    ValueVec out;
    for (auto it = fs::directory_iterator(p, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      out.push_back(mk_str(it->path().filename().string()));
    if (ec) os_error(ec, p);
    return mk_list(std::move(out));
  });
  auto remove = [](ARGS) -> Value {
    std::string p = P(a[0], "remove");
    std::error_code ec;
    if (fs::is_directory(p, ec)) os_error(std::make_error_code(std::errc::is_a_directory), p);
    if (!fs::remove(p, ec)) os_error(ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory), p);
    return Value();
  };
  def_native(od, "remove", remove);
  def_native(od, "unlink", remove);
  def_native(od, "rmdir", [](ARGS) -> Value {
    std::string p = P(a[0], "rmdir");
    std::error_code ec;
    if (!fs::is_directory(p, ec)) os_error(std::make_error_code(fs::exists(p, ec) ? std::errc::not_a_directory : std::errc::no_such_file_or_directory), p);
    if (!fs::remove(p, ec)) os_error(ec, p);
    return Value();
  });
  def_native(od, "mkdir", [](ARGS) -> Value {
    std::string p = P(a[0], "mkdir");
    std::error_code ec;
    if (fs::exists(p, ec)) os_error(std::make_error_code(std::errc::file_exists), p);
    if (!fs::create_directory(p, ec)) os_error(ec, p);
    return Value();
  });
  def_native(od, "makedirs", [](ARGS) -> Value {
    std::string p = P(a[0], "makedirs");
    bool ok = truthy(arg_or(a, n, kw, 2, "exist_ok", Value::boolean(false)));
    std::error_code ec;
    if (fs::exists(p, ec)) {
      if (ok && fs::is_directory(p, ec)) return Value();
      os_error(std::make_error_code(std::errc::file_exists), p);
    }
    fs::create_directories(p, ec);
    if (ec) os_error(ec, p);
    return Value();
  });
  def_native(od, "rename", [](ARGS) -> Value {
    check_args("rename", n, 2, 2);
    std::error_code ec;
    fs::rename(P(a[0], "rename"), P(a[1], "rename"), ec);
    if (ec) os_error(ec, P(a[0], "rename"));
    return Value();
  });
  od->set(str_key("replace"), *od->find(str_key("rename")));
  def_native(od, "symlink", [](ARGS) -> Value {
    check_args("symlink", n, 2, 3);  // (target_is_directory matters only on Windows)
    std::error_code ec;
    fs::create_symlink(P(a[0], "symlink"), P(a[1], "symlink"), ec);
    if (ec) os_error(ec, P(a[1], "symlink"));
    return Value();
  });
  def_native(od, "readlink", [](ARGS) -> Value {
    check_args("readlink", n, 1, 1);
    std::error_code ec;
    fs::path t = fs::read_symlink(P(a[0], "readlink"), ec);
    if (ec) os_error(ec, P(a[0], "readlink"));
    return mk_str(t.string());
  });
}

}  // namespace

void init_os() {
  Value os = lib_module("os");
  Value path = lib_module("os.path");
  DictObj* od = module_dict(os);
  od->set(str_key("path"), path);
  init_os_functions(od);
  init_path(module_dict(path));
  init_os_files(od, module_dict(path));
  init_os_process(od);
  // a base class for path objects (they define __fspath__, which open() and os.path accept)
  od->set(str_key("PathLike"), Value::obj(lib_class("os", "PathLike")));
}

}  // namespace ml::interp
