// A runner with its output captured, for the tiering tests: a program run from a string under
// one backend, and the same program run compiled and interpreted side by side.
#pragma once
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "lang/pack.h"
#include "shared/subprocess.h"
#include "tiering/compiled_calls.h"
#include "tiering/runner.h"

namespace ml::tiering::test_support {

struct Session {
  std::ostringstream out, err;
  Runner runner;
  explicit Session(runtime::Backend b) : runner(*LanguageRegistry::instance().find("en"), config(b), Streams{&out, &err, nullptr}) {}
  static runtime::LoadedConfig config(runtime::Backend b) {
    runtime::LoadedConfig c;
    c.config.prefer_backend = b;
    return c;
  }
  std::string explain() const { return runner.explain(); }
};

// Runs `prog` under backend `b` and interpreted: both must print `expected`; returns the
// explanation of the first.
inline std::string both(const char* prog, const std::string& expected, runtime::Backend b = runtime::Backend::Wasm) {
  Session w(b), in(runtime::Backend::Native);
  EXPECT_EQ(w.runner.run_string(prog), 0) << w.err.str();
  EXPECT_EQ(in.runner.run_string(prog), 0) << in.err.str();
  EXPECT_EQ(w.out.str(), expected);
  EXPECT_EQ(in.out.str(), expected);
  return w.explain();
}

// Runs `prog` compiled (--backend wasm) and interpreted, and under python3: all three agree.
// Returns what --explain said.
inline std::string three_ways(const std::string& prog) {
  std::string py = ml::test_support::python3_output(prog);
  EXPECT_FALSE(py.empty()) << "python3 did not run the program";
  return both(prog.c_str(), py);
}

}  // namespace ml::tiering::test_support
