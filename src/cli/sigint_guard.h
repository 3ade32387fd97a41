// Ctrl-C while a program runs: Python's KeyboardInterrupt, with the output kept.
#pragma once
#include <signal.h>
#include <time.h>

#include <functional>
#include <memory>
#include <thread>

#include "interp/interpreter.h"
#include "support/source.h"

namespace ml::tiering { class Runner; }

namespace ml::cli {

// While alive, SIGINT asks the interpreter to raise KeyboardInterrupt at its next loop
// iteration or call (the caller reports it and exits with 130, as Python does). A program
// inside one long native operation never gets there: kGraceMs after the signal, a timer's
// signal flushes what the program printed, says KeyboardInterrupt and ends the process with 130.
// Compiled code is stopped by stop_compiled, called from a watcher thread (not the signal
// handler: stopping the engine takes locks); the thread is started by watch_compiled_code,
// once there is compiled code to stop, so a program that never compiles runs with no thread
// besides its own.
class SigintGuard {
 public:
  explicit SigintGuard(interp::Interpreter& in, std::function<void()> stop_compiled = {});
  ~SigintGuard();
  SigintGuard(const SigintGuard&) = delete;
  SigintGuard& operator=(const SigintGuard&) = delete;
  static constexpr int kGraceMs = 2000;
  // Starts the watcher thread (once; from the thread running the program).
  void watch_compiled_code();

 private:
  void watch();
  interp::Interpreter& in_;
  std::function<void()> stop_compiled_;
  int pipe_[2] = {-1, -1};  // the handler wakes the watcher through it
  struct sigaction old_ {};
  struct sigaction old_grace_ {};
  timer_t grace_{};
  bool has_grace_ = false;
  std::thread th_;
};

// Runs the program of `src` on `runner` under a SigintGuard (what `run` and `profile` do).
int run_interruptible(tiering::Runner& runner, std::shared_ptr<const SourceFile> src);

}  // namespace ml::cli
