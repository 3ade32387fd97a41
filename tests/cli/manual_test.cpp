// The manual: every command's --help is a man-style page, and `multilingual man` gives the same
// pages in roff that man(1) reads without a warning.
#include <gtest/gtest.h>

#include "run_util.h"

using namespace ml::test;

namespace {

const char* const kCommands[] = {"run",    "check", "tokens", "ast",  "translate", "repl",      "profile",
                                 "build",  "doctor", "call",  "bench", "languages", "serve",     "man"};

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST(Manual, EveryCommandsHelpIsAManStylePage) {
  for (const char* c : kCommands) {
    auto r = run_ml(std::string(c) + " --help");
    EXPECT_EQ(r.status, 0) << c;
    for (const char* section : {"NAME\n", "SYNOPSIS\n", "DESCRIPTION\n", "EXAMPLES\n", "EXIT STATUS\n", "SEE ALSO\n"})
      EXPECT_TRUE(has(r.out, section)) << c << " lacks " << section << "\n" << r.out;
    EXPECT_TRUE(has(r.out, std::string("multilingual-") + c + " - ")) << r.out;
    EXPECT_TRUE(has(r.out, std::string("multilingual ") + c)) << r.out;
  }
  auto run = run_ml("run --help");
  for (const char* part : {"OPTIONS\n", "ARGUMENTS\n", "--timeout-ms", "--explain", "ENVIRONMENT\n",
                           "MULTILINGUAL_BACKEND", "FILES\n", "multilingual.toml", "130"})
    EXPECT_TRUE(has(run.out, part)) << part << "\n" << run.out;
  auto top = run_ml("--help");
  EXPECT_EQ(top.status, 0);
  EXPECT_TRUE(has(top.out, "COMMANDS\n")) << top.out;
  for (const char* c : kCommands) EXPECT_TRUE(has(top.out, std::string("\n    ") + c + " ")) << c << "\n" << top.out;
}

TEST(Manual, RoffPagesReadByManWithoutWarnings) {
  auto dir = scratch_dir("manual");
  auto r = run_ml("man --output-dir " + shell_quote(dir.string()));
  ASSERT_EQ(r.status, 0) << r.out;
  std::vector<std::string> pages{"multilingual"};
  for (const char* c : kCommands) pages.push_back(std::string("multilingual-") + c);
  for (const std::string& p : pages) {
    auto file = dir / (p + ".1");
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    std::string roff = read_file(file);
    EXPECT_EQ(roff.rfind(".TH ", 0), 0u) << p;
    for (const char* section : {".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH EXIT STATUS\n"})
      EXPECT_TRUE(has(roff, section)) << p << " lacks " << section;
    // man-db and groff from Debian (the set-up script installs them): rendered text, no warning.
    std::string cmd = "MANWIDTH=80 man --warnings=all -l " + shell_quote(file.string()) + " 2>" +
                      shell_quote((dir / "warn.txt").string()) + " > " + shell_quote((dir / "page.txt").string());
    EXPECT_EQ(std::system(cmd.c_str()), 0) << p;
    EXPECT_EQ(read_file(dir / "warn.txt"), "") << p;
    EXPECT_TRUE(has(read_file(dir / "page.txt"), "EXIT STATUS")) << p;
  }
  std::string run = read_file(dir / "multilingual-run.1");
  EXPECT_TRUE(has(run, "\\-\\-timeout\\-ms")) << run;
  auto one = run_ml("man call", ".", false);
  EXPECT_EQ(one.status, 0);
  EXPECT_EQ(one.out, read_file(dir / "multilingual-call.1"));
  auto bad = run_ml("man nosuch");
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(has(bad.out, "no command 'nosuch'")) << bad.out;
}
