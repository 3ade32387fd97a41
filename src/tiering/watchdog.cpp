#include "tiering/watchdog.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "engine/engine.h"
#include "lang/error_text.h"
#include "support/diagnostic.h"

namespace ml::tiering {

Watchdog::Watchdog(interp::Interpreter& in, const std::atomic<engine::Engine*>& engine, const LanguagePack& pack,
                   const SourceFile* src, int ms) {
  if (ms <= 0) return;
  th_ = std::thread([this, &in, &engine, &pack, src, ms] {
    std::unique_lock<std::mutex> lk(mu_);
    if (cv_.wait_for(lk, std::chrono::milliseconds(ms), [this] { return done_; })) return;
    in.interrupt(ms);
    // Compiled code never reaches the interpreter's checks: the engine stops it, and the
    // call, handed back, meets the interrupt at once.
    if (engine::Engine* e = engine.load()) e->interrupt();
    if (cv_.wait_for(lk, std::chrono::milliseconds(kGraceMs), [this] { return done_; })) return;
    std::string text = render_error(pack, "TimeoutError", pack.message("runtime.timeout", {{"ms", std::to_string(ms)}}),
                                    src, Loc{});
    std::fflush(stdout);
    std::cout.flush();
    (void)!::write(2, text.data(), text.size());
    ::_exit(1);
  });
}

Watchdog::~Watchdog() {
  if (!th_.joinable()) return;
  {
    std::lock_guard<std::mutex> lk(mu_);
    done_ = true;
  }
  cv_.notify_all();
  th_.join();
}

}  // namespace ml::tiering
