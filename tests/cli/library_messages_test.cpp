// Errors raised by the library modules written in the language itself (stdlib/*.py) read in the
// program's language, as the interpreter's own errors do, and stay located at the program's line.
#include <gtest/gtest.h>

#include "run_util.h"

using namespace ml::test;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

RunResult run_program(const std::string& name, const std::string& text) {
  auto dir = scratch_dir("libmsg_" + name);
  write_file(dir / "p.multi", text);
  return run_ml("run p.multi", dir.string());
}

TEST(LibraryMessages, FrenchProgramGetsFrenchLibraryErrors) {
  auto r = run_program("fr",
                       "importer statistics\n"
                       "importer random\n"
                       "depuis fractions importer Fraction\n"
                       "essayer:\n"
                       "    statistics.mean([])\n"
                       "sauf statistics.StatisticsError comme e:\n"
                       "    afficher(e)\n"
                       "essayer:\n"
                       "    random.choice([])\n"
                       "sauf IndexError comme e:\n"
                       "    afficher(e)\n"
                       "essayer:\n"
                       "    statistics.variance([1])\n"
                       "sauf ValueError comme e:\n"
                       "    afficher(e)\n"
                       "soit f = Fraction(1, 0)\n");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "mean exige au moins une donnée\n"
                         "Impossible de choisir dans une séquence vide\n"
                         "variance exige au moins deux données\n")) << r.out;
  EXPECT_TRUE(has(r.out, "p.multi:16")) << r.out;
  EXPECT_TRUE(has(r.out, "Fraction(1, 0) : dénominateur nul")) << r.out;
  EXPECT_FALSE(has(r.out, "requires")) << r.out;
}

TEST(LibraryMessages, JapaneseProgramGetsJapaneseLibraryErrors) {
  auto r = run_program("ja",
                       "取込 statistics\n"
                       "取込 random\n"
                       "試行:\n"
                       "    statistics.median([])\n"
                       "例外 ValueError として e:\n"
                       "    表示(e)\n"
                       "試行:\n"
                       "    random.sample([1, 2], 5)\n"
                       "例外 ValueError として e:\n"
                       "    表示(e)\n"
                       "statistics.stdev([1])\n");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "空のデータには中央値がありません\n"
                         "標本が母集団より大きいか負の数です\n")) << r.out;
  EXPECT_TRUE(has(r.out, "p.multi:11")) << r.out;
  EXPECT_TRUE(has(r.out, "stdev には少なくとも 2 個のデータが必要です")) << r.out;
}

TEST(LibraryMessages, ArabicProgramGetsArabicLibraryErrors) {
  auto r = run_program("ar",
                       "استيراد statistics\n"
                       "استيراد random\n"
                       "من fractions استيراد Fraction\n"
                       "حاول:\n"
                       "    statistics.mode([])\n"
                       "استثناء ValueError كـ e:\n"
                       "    اطبع(e)\n"
                       "حاول:\n"
                       "    Fraction(\"x\")\n"
                       "استثناء ValueError كـ e:\n"
                       "    اطبع(e)\n"
                       "random.choice([])\n");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.out, "لا منوال لبيانات فارغة\n"
                         "قيمة حرفية غير صالحة لـ Fraction: 'x'\n")) << r.out;
  EXPECT_TRUE(has(r.out, "p.multi:12")) << r.out;
  EXPECT_TRUE(has(r.out, "لا يمكن الاختيار من تسلسل فارغ")) << r.out;
}

// The messages a library builds from the interpreter's own (a dataclass's __init__ checks its
// arguments in Python) read as the interpreter's do for a plain function.
TEST(LibraryMessages, DataclassArgumentErrorsUseTheInterpretersWords) {
  auto r = run_program("fr_dataclass",
                       "depuis dataclasses importer dataclass\n"
                       "@dataclass\n"
                       "classe P:\n"
                       "    x: int\n"
                       "    y: int\n"
                       "déf f(x, y):\n"
                       "    passer\n"
                       "essayer:\n"
                       "    P(1)\n"
                       "sauf TypeError comme e:\n"
                       "    afficher(e)\n"
                       "essayer:\n"
                       "    f(1)\n"
                       "sauf TypeError comme e:\n"
                       "    afficher(e)\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "P.__init__() : il manque 1 argument positionnel obligatoire : 'y'\n"
                   "f() : il manque 1 argument positionnel obligatoire : 'y'\n");
}

}  // namespace
