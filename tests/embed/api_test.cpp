// The public embedding API (include/multilingual), linked as embedders link it:
// multilingual::runtime alone, no internal header.
#include <gtest/gtest.h>
#include <unistd.h>
#include <multilingual/multilingual.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using namespace multilingual;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ml_embed_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(path / name) << text;
    return path / name;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

}  // namespace

TEST(EmbedProgram, RunsEnglishAndFrenchCollectingOutput) {
  ProgramExecutor ex;
  RunResult en = ex.run("def sq(x):\n    return x * x\nprint(sq(12), 'en')\n", "en");
  EXPECT_TRUE(en.ok()) << en.errors;
  EXPECT_EQ(en.output, "144 en\n");
  EXPECT_EQ(en.language, "en");
  RunResult fr = ex.run("déf carre(x):\n    retour x * x\nafficher(carre(12), 'fr')\n");  // detected
  EXPECT_TRUE(fr.ok()) << fr.errors;
  EXPECT_EQ(fr.output, "144 fr\n");
  EXPECT_EQ(fr.language, "fr");
}

TEST(EmbedProgram, OutputToCallbackAndStream) {
  ProgramExecutor ex;
  std::string got;
  ex.set_output([&](std::string_view s) { got += s; });
  RunResult r = ex.run("for i in range(2000):\n    print(i)\n", "en");
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.output.empty());  // it went to the sink
  std::string want;
  for (int i = 0; i < 2000; ++i) want += std::to_string(i) + "\n";
  EXPECT_EQ(got, want);
  std::ostringstream os;
  ex.set_output(os);
  ex.run("print('to a stream')\n", "en");
  EXPECT_EQ(os.str(), "to a stream\n");
  // std::cout itself (redirected while the program runs) reaches what it pointed at before
  std::ostringstream captured;
  std::streambuf* saved = std::cout.rdbuf(captured.rdbuf());
  ex.set_output(std::cout);
  RunResult r2 = ex.run("print('via cout')\n", "en");
  std::cout.rdbuf(saved);
  EXPECT_TRUE(r2.ok());
  EXPECT_EQ(captured.str(), "via cout\n");
}

TEST(EmbedProgram, RuntimeErrorIsLocalizedAndLocated) {
  ProgramExecutor ex;
  RunResult fr = ex.run("x = 1\nafficher('avant')\nafficher(x / 0)\n", "fr");
  ASSERT_TRUE(fr.error.has_value());
  EXPECT_EQ(fr.exit_status, 1);
  EXPECT_EQ(fr.output, "avant\n");
  const Error& e = *fr.error;
  EXPECT_EQ(e.kind(), "ZeroDivisionError");
  EXPECT_EQ(e.location().file, "<string>");
  EXPECT_EQ(e.location().line, 3);
  EXPECT_GT(e.location().column, 0);
  EXPECT_NE(e.rendered().find("afficher(x / 0)"), std::string::npos) << e.rendered();
  RunResult en = ex.run("x = 1\nprint('before')\nprint(x / 0)\n", "en");
  ASSERT_TRUE(en.error.has_value());
  EXPECT_EQ(en.error->kind(), "ZeroDivisionError");
  EXPECT_NE(e.message(), en.error->message());  // said in French
}

TEST(EmbedProgram, SyntaxErrorAndExecuteThrows) {
  ProgramExecutor ex;
  try {
    ex.execute("si x\n    afficher(1)\n", "fr");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), "SyntaxError");
    EXPECT_EQ(e.location().line, 1);
    EXPECT_FALSE(e.message().empty());
  }
  EXPECT_THROW(ex.run("print(1)\n", "xx"), Error);
  try {
    ex.run("print(1)\n", "xx");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), "LanguageError");
    EXPECT_NE(e.message().find("fr"), std::string::npos);  // lists the installed ones
  }
}

TEST(EmbedProgram, SystemExitAndArguments) {
  ProgramExecutor ex;
  ex.set_arguments({"one", "two"});
  RunResult r = ex.run("import sys\nprint(sys.argv[1:])\nsys.exit(4)\n", "en");
  EXPECT_EQ(r.output, "['one', 'two']\n");
  EXPECT_EQ(r.exit_status, 4);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->kind(), "SystemExit");
}

TEST(EmbedProgram, RunFile) {
  TempDir d;
  auto f = d.write("prog.ml", "pour i dans intervalle(2):\n    afficher(i * 3)\n");
  ProgramExecutor ex;
  RunResult r = ex.run_file(f);
  EXPECT_EQ(r.output, "0\n3\n") << r.errors;
  EXPECT_EQ(r.language, "fr");
  EXPECT_THROW(ex.run_file(d.path / "missing.ml"), Error);
}

TEST(EmbedProgram, LanguagesAndDetection) {
  auto langs = languages();
  EXPECT_EQ(langs.size(), 17u);
  EXPECT_EQ(detect_language("pour i dans intervalle(3):\n    afficher(i)\n"), "fr");
  EXPECT_FALSE(version().empty());
}

TEST(EmbedSelector, CallsOnWasmAndNative) {
  BackendSelector wasm;
  ASSERT_TRUE(wasm.is_wasm_available()) << wasm.reason();
  EXPECT_EQ(wasm.backend(), Backend::Wasm);
  EXPECT_EQ(wasm.call("fibonacci", 30).as_int(), 832040);
  EXPECT_EQ(wasm.last_call_report().backend, Backend::Wasm);
  EXPECT_EQ(wasm.last_call_report().function, "numeric_fibonacci");
  EXPECT_FALSE(wasm.detection().empty());

  Config c;
  c.backend = Backend::Python;
  BackendSelector native(c);
  EXPECT_FALSE(native.is_wasm_available());
  EXPECT_EQ(native.call("fibonacci", 30).as_int(), 832040);
  EXPECT_EQ(native.last_call_report().backend, Backend::Python);

  Value a = Value::matrix(1, 2, {1, 2}), b = Value::matrix(2, 1, {3, 4});
  Value p = wasm.call_function("matrix_multiply", {a, b});
  ASSERT_EQ(p.kind(), Value::Kind::Matrix) << p.to_json();
  EXPECT_EQ(p.matrix_data(), std::vector<double>{11});
  EXPECT_EQ(p, native.call_function("matrix_multiply", {a, b}));
}

TEST(EmbedSelector, UnknownOperationIsACallError) {
  BackendSelector sel;
  try {
    sel.call("fibonaci", 3);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), "CallError");
    EXPECT_NE(e.message().find("fibonacci"), std::string::npos) << e.message();  // a close name
  }
  EXPECT_FALSE(BackendSelector::operations().empty());
}

TEST(EmbedConfig, ReadsPyprojectAndReportsBadFiles) {
  TempDir d;
  d.write("pyproject.toml", "[tool.multilingual.wasm]\nbackend = \"python\"\nmemory_pages = 2048\n");
  Config c = Config::from_files(d.path);
  EXPECT_EQ(c.backend, Backend::Python);
  EXPECT_EQ(c.memory_pages, 2048u);
  EXPECT_NE(c.origin.at("memory_pages").find("pyproject.toml:3"), std::string::npos);
  EXPECT_EQ(BackendSelector(c).backend(), Backend::Python);

  auto bad = d.write("multilingual.toml", "[wasm]\nmemory_pages = \"lots\"\n");
  try {
    Config::from_file(bad);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), "ConfigError");
    EXPECT_EQ(e.location().line, 2);
    EXPECT_NE(e.location().file.find("multilingual.toml"), std::string::npos);
  }
}
