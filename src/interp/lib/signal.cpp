// _signal, under stdlib/signal.py: Python handlers for POSIX signals. The C handler only records
// the signal and asks the interpreter to stop at its next loop iteration or call
// (Interp::kSignalPending); the Python handler then runs there, between two steps of the
// program, as CPython runs it between two bytecodes. Sleeps and system calls that the signal
// cuts short run it at once and go on (PEP 475).
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

std::atomic<uint64_t> g_pending{0};  // bit n: signal n arrived, its handler not yet run
DictObj* g_handlers = nullptr;       // signum -> the Python handler, SIG_DFL (0) or SIG_IGN (1)
Object* g_default_int = nullptr;     // default_int_handler

pthread_t g_main;  // the interpreter's thread (the one that installed a handler)

// Only async-signal-safe work: atomic operations, or pthread_kill (a tgkill system call). A
// signal sent to the process may land on another thread (the Ctrl-C watcher, the engine's
// workers): it is sent on to the interpreter's thread, whose sleep or system call it must cut short.
void on_signal(int sig) {
#if !defined(__EMSCRIPTEN__)  // (the web build has one thread, and no pthread_kill)
  if (!pthread_equal(pthread_self(), g_main)) {
    int saved = errno;
    pthread_kill(g_main, sig);
    errno = saved;
    return;
  }
#endif
  g_pending.fetch_or(uint64_t(1) << sig, std::memory_order_relaxed);
  if (Interp* in = I) in->post_interrupt(Interp::kSignalPending);
}

void run_pending() {
  uint64_t bits = g_pending.exchange(0, std::memory_order_relaxed);
  for (int sig = 1; sig < 64 && bits; ++sig) {
    if (!(bits & (uint64_t(1) << sig))) continue;
    bits &= ~(uint64_t(1) << sig);
    const Value* h = g_handlers->find(Value::integer(sig));
    if (!h || is_intlike(*h) || h->is_none()) continue;
    try {
      call2(*h, Value::integer(sig), Value());
    } catch (...) {
      // The other signals that arrived still get their turn at the next check.
      if (bits) {
        g_pending.fetch_or(bits, std::memory_order_relaxed);
        I->post_interrupt(Interp::kSignalPending);
      }
      throw;
    }
  }
}

int signum_arg(const Value& v) {
  int64_t s = as_index(v);
  if (s < 1 || s >= NSIG || s >= 64) raise_id("ValueError", "runtime.signal_range");
  return (int)s;
}

// What getsignal() says of a signal no handler was installed for by the program.
Value initial_handler(int sig) {
  if (sig == SIGINT) return Value::obj(g_default_int);
  struct sigaction old {};
  if (::sigaction(sig, nullptr, &old) != 0) return Value();
  if (old.sa_handler == SIG_IGN) return Value::integer(1);
  if (old.sa_handler == SIG_DFL) return Value::integer(0);
  return Value();
}

Value get_handler(int sig) {
  if (const Value* h = g_handlers->find(Value::integer(sig))) return *h;
  return initial_handler(sig);
}

Value set_handler(ARGS) {
  check_args("signal", n, 2, 2);
  int sig = signum_arg(a[0]);
  const Value& h = a[1];
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  bool callable = h.is(OK::Func) || h.is(OK::Native) || h.is(OK::Bound) || h.is(OK::Class) ||
                  (h.is(OK::Inst) && h.o->type->find("__call__"));
  int64_t which = -1;
  if (!callable) {
    Value idx;
    if (is_intlike(h) || (h.is(OK::Inst) && getattr_opt(h, "__index__", idx))) which = as_index(h);
    if (which != 0 && which != 1) raise_id("TypeError", "runtime.signal_handler_type");
  }
  // No SA_RESTART: a blocking call returns EINTR so that the handler runs at once.
  sa.sa_handler = callable ? on_signal : which == 1 ? SIG_IGN : SIG_DFL;
  Value old = get_handler(sig);
  g_main = pthread_self();
  if (::sigaction(sig, &sa, nullptr) != 0) raise_errno(errno);
  g_handlers->set(Value::integer(sig), callable ? h : Value::integer(which));
  return old;
}

Value timer_pair(const itimerval& t) {
  auto sec = [](const timeval& v) { return Value::flt((double)v.tv_sec + (double)v.tv_usec / 1e6); };
  return mk_tuple({sec(t.it_value), sec(t.it_interval)});
}

timeval to_timeval(double s) {
  timeval v;
  v.tv_sec = (time_t)s;
  v.tv_usec = (suseconds_t)((s - (double)v.tv_sec) * 1e6);
  if (s > 0 && v.tv_sec == 0 && v.tv_usec == 0) v.tv_usec = 1;
  return v;
}

}  // namespace

void init_signal() {
  Value m = lib_module("_signal");
  DictObj* d = module_dict(m);
  g_handlers = new DictObj();
  incref(g_handlers);
  d->set(str_key("_handlers"), Value::obj(g_handlers));
  run_signal_handlers = run_pending;
  def_native(d, "default_int_handler", [](ARGS) -> Value { throw PyError(make_exception(I->e("KeyboardInterrupt"), {})); });
  g_default_int = d->find(str_key("default_int_handler"))->o;
  incref(g_default_int);
  def_native(d, "signal", set_handler);
  def_native(d, "getsignal", [](ARGS) -> Value { check_args("getsignal", n, 1, 1); return get_handler(signum_arg(a[0])); });
  def_native(d, "alarm", [](ARGS) -> Value { check_args("alarm", n, 1, 1); return Value::integer(::alarm((unsigned)as_index(a[0]))); });
  def_native(d, "pause", [](ARGS) -> Value {
    check_args("pause", n, 0, 0);
    ::pause();
    check_interrupt();
    return Value();
  });
  def_native(d, "raise_signal", [](ARGS) -> Value {
    check_args("raise_signal", n, 1, 1);
    if (::raise(signum_arg(a[0])) != 0) raise_errno(errno);
    check_interrupt();
    return Value();
  });
  def_native(d, "strsignal", [](ARGS) -> Value {
    check_args("strsignal", n, 1, 1);
    int sig = signum_arg(a[0]);
    const char* s = ::strsignal(sig);
    return s ? mk_str(s) : Value();
  });
  def_native(d, "valid_signals", [](ARGS) -> Value {
    sigset_t all;
    sigfillset(&all);
    Value out = call0(Value::obj(I->t_set));
    Value add = getattr(out, "add");
    for (int s = 1; s < NSIG; ++s)
      if (sigismember(&all, s) == 1) call1(add, Value::integer(s));
    return out;
  });
  def_native(d, "setitimer", [](ARGS) -> Value {
    check_args("setitimer", n, 2, 3);
    itimerval t{}, old{};
    t.it_value = to_timeval(to_double(a[1]));
    t.it_interval = to_timeval(n > 2 ? to_double(a[2]) : 0.0);
    if (::setitimer((int)as_index(a[0]), &t, &old) != 0) raise_errno(errno);
    return timer_pair(old);
  });
  def_native(d, "getitimer", [](ARGS) -> Value {
    check_args("getitimer", n, 1, 1);
    itimerval t{};
    if (::getitimer((int)as_index(a[0]), &t) != 0) raise_errno(errno);
    return timer_pair(t);
  });
  struct Named { const char* name; int value; };
  static const Named names[] = {
      {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},   {"SIGTRAP", SIGTRAP},
      {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},   {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},
      {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
      {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},   {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
      {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL},
      {"SIGPWR", SIGPWR},   {"SIGSYS", SIGSYS},   {"SIGRTMIN", SIGRTMIN}, {"SIGRTMAX", SIGRTMAX},
      {"SIG_DFL", 0},       {"SIG_IGN", 1},       {"NSIG", NSIG},       {"ITIMER_REAL", ITIMER_REAL},
      {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF}, {"SIG_BLOCK", SIG_BLOCK},
      {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK}};
  for (const Named& nm : names) d->set(str_key(nm.name), Value::integer(nm.value));
}

}  // namespace ml::interp
