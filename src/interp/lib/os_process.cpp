// os's processes and file descriptors: fork/exec/wait, pipe, read/write/close, dup/dup2, kill,
// system, _exit, os.open and the wait-status macros (what subprocess is built on).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

extern char** environ;

namespace ml::interp {

namespace {

int fd_arg(const Value& v) {
  Value f;
  if (v.is(OK::Inst) && getattr_opt(v, "fileno", f)) return (int)as_index(call0(f));
  return (int)as_index(v);
}

std::string path_arg(const Value& v) {
  Value fspath = getattr(import_module("os"), "fspath");
  Value p = call1(fspath, v);
  return p.is(OK::Str) ? str_of(p) : p.as<BytesObj>()->s;
}

// Output the program printed but the C++ streams still hold goes out before the process is
// copied or replaced, so that a child neither prints it again nor loses it.
void flush_all() {
  if (I->out) I->out->flush();
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
}

std::vector<std::string> string_list(const Value& seq) {
  std::vector<std::string> out;
  for (const Value& v : to_vec(seq)) out.push_back(path_arg(v));
  return out;
}

[[noreturn]] void exec_with(const std::string& file, const Value& args, const Value* env, bool search) {
  std::vector<std::string> argv = string_list(args);
  if (argv.empty()) raise_id("ValueError", "runtime.exec_args_empty", {{"name", search ? "execvp" : "execv"}});
  std::vector<char*> cargv;
  for (auto& s : argv) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  std::vector<std::string> envs;
  std::vector<char*> cenv;
  if (env) {
    env->as<DictObj>()->for_each([&](const Value& k, const Value& v) { envs.push_back(path_arg(k) + "=" + path_arg(v)); });
    for (auto& s : envs) cenv.push_back(s.data());
    cenv.push_back(nullptr);
  }
  flush_all();
  if (search) {
    if (env) ::execvpe(file.c_str(), cargv.data(), cenv.data());
    else ::execvp(file.c_str(), cargv.data());
  } else {
    ::execve(file.c_str(), cargv.data(), env ? cenv.data() : environ);
  }
  raise_errno(errno);  // CPython's exec errors name no file
}

// A system call that a signal may interrupt: its Python handler runs, then the call is retried
// (PEP 475); a handler that raises ends the call.
template <class F> auto retry_eintr(F f) {
  while (true) {
    auto r = f();
    if (r != -1 || errno != EINTR) return r;
    check_interrupt();
  }
}

void init_exec(DictObj* od) {
  def_native(od, "fork", [](ARGS) -> Value {
    check_args("fork", n, 0, 0);
    flush_all();
    pid_t pid = ::fork();
    if (pid < 0) raise_errno(errno);
    return Value::integer(pid);
  });
  def_native(od, "execv", [](ARGS) -> Value { check_args("execv", n, 2, 2); exec_with(path_arg(a[0]), a[1], nullptr, false); });
  def_native(od, "execve", [](ARGS) -> Value { check_args("execve", n, 3, 3); exec_with(path_arg(a[0]), a[1], &a[2], false); });
  def_native(od, "execvp", [](ARGS) -> Value { check_args("execvp", n, 2, 2); exec_with(path_arg(a[0]), a[1], nullptr, true); });
  def_native(od, "execvpe", [](ARGS) -> Value { check_args("execvpe", n, 3, 3); exec_with(path_arg(a[0]), a[1], &a[2], true); });
  def_native(od, "waitpid", [](ARGS) -> Value {
    check_args("waitpid", n, 2, 2);
    pid_t pid = (pid_t)as_index(a[0]);
    int options = (int)as_index(a[1]), status = 0;
    pid_t r = retry_eintr([&] { return ::waitpid(pid, &status, options); });
    if (r < 0) raise_errno(errno);
    return mk_tuple({Value::integer(r), Value::integer(status)});
  });
  def_native(od, "wait", [](ARGS) -> Value {
    check_args("wait", n, 0, 0);
    int status = 0;
    pid_t r = retry_eintr([&] { return ::wait(&status); });
    if (r < 0) raise_errno(errno);
    return mk_tuple({Value::integer(r), Value::integer(status)});
  });
  def_native(od, "system", [](ARGS) -> Value {
    check_args("system", n, 1, 1);
    flush_all();
    return Value::integer(std::system(path_arg(a[0]).c_str()));
  });
  def_native(od, "_exit", [](ARGS) -> Value {
    check_args("_exit", n, 1, 1);
    ::_exit((int)as_index(a[0]));
  });
  def_native(od, "kill", [](ARGS) -> Value {
    check_args("kill", n, 2, 2);
    pid_t pid = (pid_t)as_index(a[0]);
    int sig = (int)as_index(a[1]);
    // A signal this process sends itself goes to this thread, so that its handler has run when
    // kill returns, as in CPython (the kernel could pick any of the process's threads).
    int r = pid == ::getpid() && sig > 0 && sig < NSIG ? ::raise(sig) : ::kill(pid, sig);
    if (r != 0) raise_errno(errno);
    check_interrupt();
    return Value();
  });
  def_native(od, "chdir", [](ARGS) -> Value {
    check_args("chdir", n, 1, 1);
    std::string p = path_arg(a[0]);
    if (::chdir(p.c_str()) != 0) raise_errno(errno, &p);
    return Value();
  });
  def_native(od, "setsid", [](ARGS) -> Value {
    if (::setsid() < 0) raise_errno(errno);
    return Value();
  });
  def_native(od, "getppid", [](ARGS) -> Value { return Value::integer((int64_t)::getppid()); });
  def_native(od, "getuid", [](ARGS) -> Value { return Value::integer((int64_t)::getuid()); });
  def_native(od, "getgid", [](ARGS) -> Value { return Value::integer((int64_t)::getgid()); });
  def_native(od, "getpgrp", [](ARGS) -> Value { return Value::integer((int64_t)::getpgrp()); });
  // wait-status macros
  struct StatusFn { const char* name; int (*fn)(int); };
  static const StatusFn fns[] = {
      {"WIFEXITED", [](int s) { return (int)WIFEXITED(s); }},   {"WEXITSTATUS", [](int s) { return WEXITSTATUS(s); }},
      {"WIFSIGNALED", [](int s) { return (int)WIFSIGNALED(s); }}, {"WTERMSIG", [](int s) { return WTERMSIG(s); }},
      {"WIFSTOPPED", [](int s) { return (int)WIFSTOPPED(s); }},  {"WSTOPSIG", [](int s) { return WSTOPSIG(s); }},
  };
  for (const StatusFn& f : fns) {
    bool boolean = std::string(f.name).rfind("WIF", 0) == 0;
    auto fn = f.fn;
    def_native(od, f.name, [fn, boolean](ARGS) -> Value {
      check_args("wait status", n, 1, 1);
      int r = fn((int)as_index(a[0]));
      return boolean ? Value::boolean(r != 0) : Value::integer(r);
    });
  }
  def_native(od, "waitstatus_to_exitcode", [](ARGS) -> Value {
    check_args("waitstatus_to_exitcode", n, 1, 1);
    int s = (int)as_index(a[0]);
    if (WIFEXITED(s)) return Value::integer(WEXITSTATUS(s));
    if (WIFSIGNALED(s)) return Value::integer(-WTERMSIG(s));
    raise_id("ValueError", "runtime.wait_stopped", {{"signal", std::to_string(WSTOPSIG(s))}});
  });
  od->set(str_key("WNOHANG"), Value::integer(WNOHANG));
  od->set(str_key("WUNTRACED"), Value::integer(WUNTRACED));
}

void init_fds(DictObj* od) {
  // New descriptors are not inherited by exec'd programs (PEP 446); dup2 makes its target
  // inheritable unless told otherwise.
  def_native(od, "pipe", [](ARGS) -> Value {
    check_args("pipe", n, 0, 0);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) raise_errno(errno);
    return mk_tuple({Value::integer(fds[0]), Value::integer(fds[1])});
  });
  def_native(od, "read", [](ARGS) -> Value {
    check_args("read", n, 2, 2);
    int fd = fd_arg(a[0]);
    int64_t size = as_index(a[1]);
    if (size < 0) raise_id("ValueError", "runtime.negative_argument");
    std::string buf(size_t(size), '\0');
    ssize_t got = retry_eintr([&] { return ::read(fd, buf.data(), buf.size()); });
    if (got < 0) raise_errno(errno);
    buf.resize(size_t(got));
    return mk_bytes(std::move(buf));
  });
  def_native(od, "write", [](ARGS) -> Value {
    check_args("write", n, 2, 2);
    int fd = fd_arg(a[0]);
    // bytes, bytearray, memoryview: what bytes() copies without an encoding or a count
    if (a[1].is(OK::Str) || is_intlike(a[1])) raise_id("TypeError", "runtime.bytes_like_required", {{"type", type_name(a[1])}});
    Value b = a[1].is(OK::Bytes) ? a[1] : call1(Value::obj(I->t_bytes), a[1]);
    const std::string& data = b.as<BytesObj>()->s;
    ssize_t put = retry_eintr([&] { return ::write(fd, data.data(), data.size()); });
    if (put < 0) raise_errno(errno);
    return Value::integer(put);
  });
  def_native(od, "close", [](ARGS) -> Value {
    check_args("close", n, 1, 1);
    if (::close(fd_arg(a[0])) != 0) raise_errno(errno);
    return Value();
  });
  def_native(od, "dup", [](ARGS) -> Value {
    check_args("dup", n, 1, 1);
    int r = ::fcntl(fd_arg(a[0]), F_DUPFD_CLOEXEC, 0);
    if (r < 0) raise_errno(errno);
    return Value::integer(r);
  });
  def_native(od, "dup2", [](ARGS) -> Value {
    check_args("dup2", n, 2, 3);
    bool inheritable = truthy(arg_or(a, n, kw, 2, "inheritable", Value::boolean(true)));
    int fd = fd_arg(a[0]), fd2 = fd_arg(a[1]);
    int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) raise_errno(errno);
    return Value::integer(r);
  });
  def_native(od, "open", [](ARGS) -> Value {
    check_args("open", n, 2, 3);
    std::string p = path_arg(a[0]);
    int flags = (int)as_index(a[1]) | O_CLOEXEC;
    int mode = (int)as_index(arg_or(a, n, kw, 2, "mode", Value::integer(0777)));
    int fd = retry_eintr([&] { return ::open(p.c_str(), flags, mode); });
    if (fd < 0) raise_errno(errno, &p);
    return Value::integer(fd);
  });
  def_native(od, "isatty", [](ARGS) -> Value { check_args("isatty", n, 1, 1); return Value::boolean(::isatty(fd_arg(a[0])) == 1); });
  def_native(od, "get_inheritable", [](ARGS) -> Value {
    int fl = ::fcntl(fd_arg(a[0]), F_GETFD);
    if (fl < 0) raise_errno(errno);
    return Value::boolean(!(fl & FD_CLOEXEC));
  });
  def_native(od, "set_inheritable", [](ARGS) -> Value {
    check_args("set_inheritable", n, 2, 2);
    int fd = fd_arg(a[0]);
    int fl = ::fcntl(fd, F_GETFD);
    if (fl < 0 || ::fcntl(fd, F_SETFD, truthy(a[1]) ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0) raise_errno(errno);
    return Value();
  });
  def_native(od, "lseek", [](ARGS) -> Value {
    check_args("lseek", n, 3, 3);
    off_t r = ::lseek(fd_arg(a[0]), (off_t)as_index(a[1]), (int)as_index(a[2]));
    if (r < 0) raise_errno(errno);
    return Value::integer((int64_t)r);
  });
  def_native(od, "fsync", [](ARGS) -> Value {
    check_args("fsync", n, 1, 1);
    Value fd = a[0], fileno;
    if (!is_intlike(fd) && getattr_opt(fd, "fileno", fileno)) fd = call0(fileno);
    if (::fsync(fd_arg(fd)) < 0) raise_errno(errno);
    return Value();
  });
  // os.fdopen(fd, ...) is open(fd, ...)
  def_native(od, "fdopen", [](ARGS) -> Value {
    check_args("fdopen", n, 1, 3);
    Value open = *I->builtins->find(str_key("open"));
    return call(open, a, n, kw);
  });
  od->set(str_key("SEEK_SET"), Value::integer(SEEK_SET));
  od->set(str_key("SEEK_CUR"), Value::integer(SEEK_CUR));
  od->set(str_key("SEEK_END"), Value::integer(SEEK_END));
  def_native(od, "strerror", [](ARGS) -> Value { check_args("strerror", n, 1, 1); return mk_str(errno_text((int)as_index(a[0]))); });
  struct Flag { const char* name; int value; };
  static const Flag flags[] = {{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_CREAT", O_CREAT},
                               {"O_TRUNC", O_TRUNC},   {"O_APPEND", O_APPEND}, {"O_EXCL", O_EXCL}, {"O_NONBLOCK", O_NONBLOCK},
                               {"O_CLOEXEC", O_CLOEXEC}, {"O_NOCTTY", O_NOCTTY}, {"O_NOFOLLOW", O_NOFOLLOW},
                               {"O_DIRECTORY", O_DIRECTORY}, {"O_SYNC", O_SYNC}};
  for (const Flag& f : flags) od->set(str_key(f.name), Value::integer(f.value));
}

// subprocess's Popen.communicate: writes `input` to the child's stdin while reading its stdout
// and stderr, all at once (poll(2)), so that no pipe fills up and blocks both processes. Closes
// the descriptors it used up. Gives (out, err, timed_out); out/err are None for fd -1.
Value communicate(ARGS) {
  check_args("_communicate", n, 5, 5);
  int in_fd = (int)as_index(a[0]), out_fd = (int)as_index(a[2]), err_fd = (int)as_index(a[3]);
  std::string input = a[1].is(OK::Bytes) ? a[1].as<BytesObj>()->s : std::string();
  double timeout = a[4].is_none() ? -1 : to_double(a[4]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(timeout < 0 ? 0 : timeout));
  std::string out, err;
  size_t written = 0;
  if (in_fd >= 0 && input.empty()) { ::close(in_fd); in_fd = -1; }
  bool timed_out = false;
  // A child that exits without reading its input must not kill this process with SIGPIPE:
  // the write fails with EPIPE instead (CPython ignores SIGPIPE for good).
  struct sigaction ign {}, old_pipe {};
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  ::sigaction(SIGPIPE, &ign, &old_pipe);
  struct Restore { struct sigaction* old; ~Restore() { ::sigaction(SIGPIPE, old, nullptr); } } restore{&old_pipe};
  while (in_fd >= 0 || out_fd >= 0 || err_fd >= 0) {
    pollfd p[3];
    int count = 0;
    if (in_fd >= 0) p[count++] = {in_fd, POLLOUT, 0};
    if (out_fd >= 0) p[count++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) p[count++] = {err_fd, POLLIN, 0};
    int wait_ms = -1;
    if (timeout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) { timed_out = true; break; }
      wait_ms = (int)left;
    }
    int r = ::poll(p, (nfds_t)count, wait_ms);
    if (r < 0) {
      if (errno == EINTR) { check_interrupt(); continue; }
      raise_errno(errno);
    }
    for (int i = 0; i < count; ++i) {
      if (!p[i].revents) continue;
      int fd = p[i].fd;
      if (fd == in_fd) {
        ssize_t put = ::write(fd, input.data() + written, std::min<size_t>(input.size() - written, 65536));
        if (put > 0) written += size_t(put);
        if (put < 0 || written == input.size()) { ::close(in_fd); in_fd = -1; }  // EPIPE: the child stopped reading
        continue;
      }
      char buf[65536];
      ssize_t got = ::read(fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      std::string& dst = fd == out_fd ? out : err;
      if (got > 0) { dst.append(buf, size_t(got)); continue; }
      ::close(fd);
      (fd == out_fd ? out_fd : err_fd) = -1;
    }
  }
  Value o = (int)as_index(a[2]) >= 0 ? mk_bytes(std::move(out)) : Value();
  Value e = (int)as_index(a[3]) >= 0 ? mk_bytes(std::move(err)) : Value();
  return mk_tuple({o, e, Value::boolean(timed_out)});
}

}  // namespace

void init_os_process(DictObj* od) {
  init_exec(od);
  init_fds(od);
  def_native(od, "_communicate", communicate);
}

}  // namespace ml::interp
