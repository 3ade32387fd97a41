// libFuzzer target: programs that parse are run by the interpreter, bounded in time (an
// interrupt after kMillis), memory (the program memory limit) and depth; they may raise any
// Python exception, which must render as a located message. A crash, a hang past the bound, or
// a C++ exception other than the interpreter's is a bug. One interpreter runs every input (as
// the REPL runs chunks): it frees its heap only as a whole, at exit, by design.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

#include "fuzz_input.h"
#include "interp/interpreter.h"
#include "interp/runtime.h"
#include "parse/parser.h"
#include "support/diagnostic.h"
#include "support/memory_limit.h"

namespace {
constexpr int kMillis = 200;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = ml::fuzz::decode_input(data, size);
  ml::ast::Module m;
  try {
    m = ml::parse_program(in.source, *in.pack);
  } catch (const ml::CompileError&) {
    return 0;
  }
  ml::support::set_memory_limit(uint64_t(512) << 20);
  static std::ostringstream out;
  static std::istringstream input("");
  static ml::interp::Interpreter interp([&] {
    ml::interp::RunOptions o;
    o.out = &out;
    o.in = &input;
    o.recursion_limit = 200;
    o.stack_bytes = size_t(64) << 20;
    return o;
  }());
  out.str("");
  interp.set_pack(in.pack);
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread stopper([&] {
    std::unique_lock<std::mutex> lk(mu);
    if (!cv.wait_for(lk, std::chrono::milliseconds(kMillis), [&] { return done; })) interp.interrupt(kMillis);
  });
  try {
    interp.exec_module(m);
  } catch (const ml::interp::PyError& e) {
    (void)interp.render_error(e);
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    done = true;
  }
  cv.notify_all();
  stopper.join();
  return 0;
}
