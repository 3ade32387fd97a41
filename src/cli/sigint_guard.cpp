#include "cli/sigint_guard.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <iostream>

namespace ml::cli {

namespace {
std::atomic<SigintGuard*> g_guard{nullptr};
std::atomic<interp::Interpreter*> g_interp{nullptr};
std::atomic<int> g_wake{-1};
// In a child made by os.fork the watcher thread does not exist, and the wake-up pipe is the
// parent's: the child's guard must neither write to it nor wait for the thread.
std::atomic<bool> g_forked{false};
void on_fork_child() { g_forked = true; }

// Only async-signal-safe work: an atomic store and a write(2).
void on_sigint(int) {
  int saved = errno;
  if (auto* in = g_interp.load()) in->interrupt_keyboard();
  int fd = g_wake.load();
  if (fd >= 0) (void)!::write(fd, "i", 1);
  errno = saved;
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
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &sa, &old_);
  th_ = std::thread([this] { watch(); });
}

SigintGuard::~SigintGuard() {
  if (pipe_[1] < 0) return;
  ::sigaction(SIGINT, &old_, nullptr);
  if (g_forked) {
    th_.detach();
    return;
  }
  g_wake = -1;
  g_interp = nullptr;
  (void)!::write(pipe_[1], "q", 1);
  th_.join();
  ::close(pipe_[0]);
  ::close(pipe_[1]);
  g_guard = nullptr;
}

void SigintGuard::watch() {
  pollfd p{pipe_[0], POLLIN, 0};
  int wait_ms = -1;  // until a signal; then the grace period
  while (true) {
    int n = ::poll(&p, 1, wait_ms);
    if (n < 0) continue;  // EINTR
    if (n == 0) {
      // The grace period ran out with the interrupt still not raised.
      if (!in_.keyboard_interrupt_pending()) {
        wait_ms = -1;
        continue;
      }
      std::fflush(stdout);
      std::cout.flush();
      const char msg[] = "\nKeyboardInterrupt\n";
      (void)!::write(2, msg, sizeof msg - 1);
      ::_exit(130);
    }
    char buf[16];
    ssize_t got = ::read(pipe_[0], buf, sizeof buf);
    for (ssize_t i = 0; i < got; ++i)
      if (buf[i] == 'q') return;
    if (got > 0) {
      if (stop_compiled_ && in_.keyboard_interrupt_pending()) stop_compiled_();
      wait_ms = kGraceMs;
    }
  }
}

}  // namespace ml::cli
