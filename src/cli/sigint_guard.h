// Ctrl-C while a program runs: Python's KeyboardInterrupt, with the output kept.
#pragma once
#include <signal.h>

#include <functional>
#include <thread>

#include "interp/interpreter.h"

namespace ml::cli {

// While alive, SIGINT asks the interpreter to raise KeyboardInterrupt at its next loop
// iteration or call (the caller reports it and exits with 130, as Python does), and calls
// stop_compiled (from a watcher thread, not the signal handler) so that compiled code hands
// back at once. A program inside one long native operation never gets there: kGraceMs after
// the signal, the process flushes what the program printed, says KeyboardInterrupt and exits 130.
class SigintGuard {
 public:
  explicit SigintGuard(interp::Interpreter& in, std::function<void()> stop_compiled = {});
  ~SigintGuard();
  SigintGuard(const SigintGuard&) = delete;
  SigintGuard& operator=(const SigintGuard&) = delete;
  static constexpr int kGraceMs = 2000;

 private:
  void watch();
  interp::Interpreter& in_;
  std::function<void()> stop_compiled_;
  int pipe_[2] = {-1, -1};  // the handler wakes the watcher through it
  struct sigaction old_ {};
  std::thread th_;
};

}  // namespace ml::cli
