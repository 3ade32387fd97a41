// Importing source modules: packages, relative imports, search order, caching, circular
// imports, __name__/__file__, errors located in the right file, modules in other languages.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_util.h"

namespace fs = std::filesystem;
using namespace ml::test;

namespace {

RunResult run_in(const fs::path& dir, const std::string& file) {
  return run_ml("run --backend interpreter " + file, dir.string());
}

TEST(Import, ExamplePackageFrenchModuleInEnglishProgram) {
  fs::path ex = fs::path(ML_SOURCE_DIR) / "examples" / "packages";
  auto r = run_ml("run app_en.py", ex.string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "formes chargé : geometrie.formes\n12.5664\nRectangle(3, 4) 12 Rectangle d'aire 12\n"
            "3.14159 geometrie.formes\n4 ccc\nmain: __main__\n");
}

TEST(Import, ExamplePackageEnglishModuleInFrenchProgram) {
  fs::path ex = fs::path(ML_SOURCE_DIR) / "examples" / "packages";
  // run from elsewhere: the main program's folder is searched, not the working directory
  auto r = run_ml("run " + shell_quote((ex / "programme_fr.multi").string()), ML_BUILD_DIR);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "formes chargé : geometrie.formes\n8 renard\nRectangle d'aire 10\nprogramme principal\n");
}

TEST(Import, ModuleRunsOnceAndIsCachedInSysModules) {
  auto d = scratch_dir("import_once");
  write_file(d / "m.py", "print('loading', __name__)\nx = 1\n");
  write_file(d / "main.py",
             "import m\nimport m as again\nfrom m import x\nimport sys\n"
             "print(m is again, x, sys.modules['m'] is m, m.__file__.endswith('m.py'))\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "loading m\nTrue 1 True True\n");
}

TEST(Import, PackagesRelativeImportsAndStarWithAll) {
  auto d = scratch_dir("import_pkg");
  fs::create_directories(d / "pkg" / "sub");
  write_file(d / "pkg" / "__init__.py", "from .core import public\nVERSION = '1.0'\n");
  write_file(d / "pkg" / "core.py", "__all__ = ['public', '_exported']\ndef public(): return 'p'\n"
                                     "def _exported(): return 'e'\ndef hidden(): return 'h'\n");
  write_file(d / "pkg" / "sub" / "__init__.py", "");
  write_file(d / "pkg" / "sub" / "leaf.py", "from ..core import public\nfrom .. import VERSION\n"
                                             "def f(): return public() + VERSION\n");
  write_file(d / "main.py",
             "import pkg.sub.leaf\nimport pkg.sub.leaf as leaf\nfrom pkg.core import *\n"
             "print(pkg.sub.leaf.f(), leaf.f(), public(), _exported())\n"
             "print('hidden' in dir(), pkg.sub.leaf.__name__, pkg.__package__, leaf.__package__)\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "p1.0 p1.0 p e\nFalse pkg.sub.leaf pkg pkg.sub\n");
}

TEST(Import, CircularImportSeesPartialModule) {
  auto d = scratch_dir("import_cycle");
  write_file(d / "a.py", "x = 1\nimport b\ny = 2\ndef get(): return b.seen\n");
  write_file(d / "b.py", "import a\nseen = (a.x, hasattr(a, 'y'))\n");
  write_file(d / "main.py", "import a\nprint(a.get(), a.y)\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "(1, False) 2\n");
}

TEST(Import, SearchOrderMultilingualPathThenLibrary) {
  auto d = scratch_dir("import_path");
  fs::create_directories(d / "extra");
  fs::create_directories(d / "prog");
  write_file(d / "extra" / "helper.py", "NAME = 'from MULTILINGUAL_PATH'\n");
  // a program-folder module shadows the library's copy module, as in Python
  write_file(d / "prog" / "copy.py", "NAME = 'local copy'\n");
  write_file(d / "prog" / "main.py", "import helper, copy, sys\nprint(helper.NAME, copy.NAME, sys.path[0].endswith('prog'))\n");
  auto r = run_ml("run --backend interpreter prog/main.py", d.string());
  EXPECT_NE(r.status, 0);  // helper is not on the path yet
  std::string cmd = "cd " + shell_quote(d.string()) + " && MULTILINGUAL_PATH=" + shell_quote((d / "extra").string()) + " " +
                    shell_quote(ML_BINARY) + " run --backend interpreter prog/main.py 2>&1";
  int status = -1;
  std::string out = ml::test_support::run_command(cmd, &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "from MULTILINGUAL_PATH local copy True\n");
}

TEST(Import, MissingModuleIsLocatedAndNamesTheSearch) {
  auto d = scratch_dir("import_missing");
  write_file(d / "main.py", "x = 1\nimport nowhere_to_be_found\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("main.py:2:1: ModuleNotFoundError: no module named 'nowhere_to_be_found' ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stdlib"), std::string::npos) << r.out;  // the library folder was searched
  // localized through the program's language
  write_file(d / "principal.multi", "importer introuvable\n");
  r = run_in(d, "principal.multi --lang fr");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("aucun module nommé « introuvable »"), std::string::npos) << r.out;
}

TEST(Import, SyntaxErrorInImportedModulePointsIntoIt) {
  auto d = scratch_dir("import_syntax");
  write_file(d / "broken.py", "def ok():\n    return 1\ndef bad(:\n");
  write_file(d / "main.py", "import broken\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("broken.py:3:9: SyntaxError"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.py:1"), std::string::npos) << r.out;  // the traceback shows the import
}

TEST(Import, ErrorWhileImportingLeavesNoModuleBehind) {
  auto d = scratch_dir("import_fail");
  write_file(d / "bad.py", "x = 1 / 0\n");
  write_file(d / "main.py", "import sys\ntry:\n    import bad\nexcept ZeroDivisionError:\n    print('bad' in sys.modules)\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "False\n");
}

TEST(Import, ImportErrorForMissingName) {
  auto d = scratch_dir("import_name");
  write_file(d / "m.py", "a = 1\n");
  write_file(d / "main.py", "try:\n    from m import b\nexcept ImportError as e:\n    print(type(e).__name__, e)\n");
  auto r = run_in(d, "main.py");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "ImportError cannot import name 'b' from 'm'\n");
}

TEST(SoftKeywords, PackExtraWordsAreStillNames) {
  auto d = scratch_dir("soft_words");
  write_file(d / "main.py",
             "class Task:\n    def fn(self, x):\n        return x + 1\n"
             "var = 1\nlet = 2\nconst = 3\nt = Task()\nt.let = var + let + const\n"
             "def use(fn, var=0):\n    return fn(var)\n"
             "print(t.fn(1), t.let, use(t.fn, var=4), [fn for fn in range(2)])\n"
             "fn f(a):\n    return a * 2\nlet z = f(3)\nprint(z)\n");
  auto r = run_in(d, "main.py --lang en");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "2 6 5 [0, 1]\n6\n");
}

}  // namespace
