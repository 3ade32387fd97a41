// The host imports generated modules may use: one list (wasm/host_imports.h), implemented by the
// native host and by web/loader.mjs, with the same names.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "lang/pack.h"
#include "parse/parser.h"
#include "wasm/compiled_program.h"
#include "wasm/host_imports.h"

namespace ml::wasm {
namespace {

std::set<std::string> listed() {
  std::set<std::string> names;
  for (const HostImport& h : host_imports()) names.insert(std::string(h.name));
  return names;
}

TEST(HostImports, TheNativeHostImplementsEveryListedImport) {
  auto sf = std::make_shared<SourceFile>();
  sf->path = "p.py";
  sf->text = "def f(x):\n    return x\n";
  const LanguagePack& en = *LanguageRegistry::instance().find("en");
  ast::Module m = parse_program(sf, en);
  CompiledProgram program(m, en, nullptr);
  for (const std::string& name : listed()) EXPECT_TRUE(program.hosts(name)) << name;
  EXPECT_FALSE(program.hosts("no_such_import"));
}

// The `env` object of web/loader.mjs names exactly the listed imports.
TEST(HostImports, TheWebLoaderImplementsExactlyTheListedImports) {
  std::ifstream in(std::string(ML_SOURCE_DIR) + "/web/loader.mjs");
  ASSERT_TRUE(in) << "web/loader.mjs";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string js = ss.str();
  size_t at = js.find("const env = {");
  ASSERT_NE(at, std::string::npos);
  size_t end = js.find("\n  };", at);
  ASSERT_NE(end, std::string::npos);
  std::string block = js.substr(at, end - at);
  std::set<std::string> web;
  std::regex key(R"(\n    ([a-z_0-9]+):)");
  for (std::sregex_iterator it(block.begin(), block.end(), key), e; it != e; ++it) web.insert((*it)[1]);
  EXPECT_EQ(web, listed());
}

}  // namespace
}  // namespace ml::wasm
