#include "cli/sigint_guard.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <iostream>

#include "tiering/runner.h"

namespace ml::cli {

namespace {
std::atomic<SigintGuard*> g_guard{nullptr};
std::atomic<interp::Interpreter*> g_interp{nullptr};
std::atomic<int> g_wake{-1};
// The grace period's timer, armed by each SIGINT; it signals the process (kGraceSignal).
timer_t g_grace{};
std::atomic<bool> g_has_grace{false};
int grace_signal() { return SIGRTMAX; }  // a real-time signal: no program's alarm clashes with it
// In a child made by os.fork the watcher thread does not exist, and the wake-up pipe is the
// parent's: the child's guard must neither write to it nor wait for the thread.
std::atomic<bool> g_forked{false};
void on_fork_child() { g_forked = true; }

// Only async-signal-safe work: atomic operations, write(2) and timer_settime(2).
void on_sigint(int) {
  int saved = errno;
  if (auto* in = g_interp.load()) in->interrupt_keyboard();
  int fd = g_wake.load();
  if (fd >= 0) (void)!::write(fd, "i", 1);
  if (g_has_grace.load()) {
    itimerspec t{};
    t.it_value.tv_sec = SigintGuard::kGraceMs / 1000;
    t.it_value.tv_nsec = long(SigintGuard::kGraceMs % 1000) * 1000000;
    ::timer_settime(g_grace, 0, &t, nullptr);
  }
  errno = saved;
}

// The grace period ran out. With the interrupt still not raised, the program is stuck in one
// long operation: flushing its output is not async-signal-safe, but that operation is not
// printing (a watcher thread would flush it the same way, racing the program).
void on_grace(int) {
  interp::Interpreter* in = g_interp.load();
  if (!in || !in->keyboard_interrupt_pending()) return;  // raised (and perhaps caught) meanwhile
  std::fflush(stdout);
  std::cout.flush();
  const char msg[] = "\nKeyboardInterrupt\n";
  (void)!::write(2, msg, sizeof msg - 1);
  ::_exit(130);
}
}  // namespace

SigintGuard::SigintGuard(interp::Interpreter& in, std::function<void()> stop_compiled)
    : in_(in), stop_compiled_(std::move(stop_compiled)) {
  SigintGuard* none = nullptr;
  if (!g_guard.compare_exchange_strong(none, this)) return;  // an outer guard already watches
  if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
    g_guard = nullptr;
    pipe_[0] = pipe_[1] = -1;
    return;
  }
  static const bool registered = ::pthread_atfork(nullptr, nullptr, on_fork_child) == 0;
  (void)registered;
  g_interp = &in;
  g_wake = pipe_[1];
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sa.sa_handler = on_grace;
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = grace_signal();
  if (::sigaction(grace_signal(), &sa, &old_grace_) == 0) {
    has_grace_ = ::timer_create(CLOCK_MONOTONIC, &ev, &grace_) == 0;
    if (has_grace_) {
      g_grace = grace_;
      g_has_grace = true;
    } else {
      ::sigaction(grace_signal(), &old_grace_, nullptr);
    }
  }
  sa.sa_handler = on_sigint;
  ::sigaction(SIGINT, &sa, &old_);
}

SigintGuard::~SigintGuard() {
  if (pipe_[1] < 0) return;
  ::sigaction(SIGINT, &old_, nullptr);
  if (has_grace_) {
    g_has_grace = false;
    ::timer_delete(grace_);  // (a child's copy of the guard has no timer: fork does not copy one)
    ::sigaction(grace_signal(), &old_grace_, nullptr);
  }
  if (g_forked) {
    if (th_.joinable()) th_.detach();
    return;
  }
  g_wake = -1;
  g_interp = nullptr;
  if (th_.joinable()) {
    (void)!::write(pipe_[1], "q", 1);
    th_.join();
  }
  ::close(pipe_[0]);
  ::close(pipe_[1]);
  g_guard = nullptr;
}

void SigintGuard::watch_compiled_code() {
  if (pipe_[1] < 0 || !stop_compiled_ || th_.joinable() || g_forked) return;
  th_ = std::thread([this] { watch(); });  // a signal already taken is in the pipe: it acts on it
}

void SigintGuard::watch() {
  pollfd p{pipe_[0], POLLIN, 0};
  while (true) {
    if (::poll(&p, 1, -1) <= 0) continue;  // EINTR
    char buf[16];
    ssize_t got = ::read(pipe_[0], buf, sizeof buf);
    for (ssize_t i = 0; i < got; ++i)
      if (buf[i] == 'q') return;
    if (got > 0 && in_.keyboard_interrupt_pending()) stop_compiled_();
  }
}

int run_interruptible(tiering::Runner& runner, std::shared_ptr<const SourceFile> src) {
  SigintGuard ctrl_c(runner.interpreter(), [&runner] { runner.interrupt_compiled_code(); });
  runner.on_engine_made([&ctrl_c] { ctrl_c.watch_compiled_code(); });
  struct Forget {
    tiering::Runner& r;
    ~Forget() { r.on_engine_made(nullptr); }
  } forget{runner};
  return runner.run_file(std::move(src));
}

}  // namespace ml::cli
