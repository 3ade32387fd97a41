// A program's time limit (`run --timeout-ms`).
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "support/source.h"

namespace ml::engine { class Engine; }

namespace ml::tiering {

// While alive, a thread that, unless the run ends first, asks the interpreter to raise
// TimeoutError after `ms`; if the program is still running kGraceMs later (inside one long
// native or WebAssembly operation, where the interpreter never checks), it writes the same
// error to stderr and ends the process.
class Watchdog {
 public:
  static constexpr int kGraceMs = 2000;
  Watchdog(interp::Interpreter& in, const std::atomic<engine::Engine*>& engine, const LanguagePack& pack,
           const SourceFile* src, int ms);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread th_;
};

}  // namespace ml::tiering
