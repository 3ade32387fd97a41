#include "lang/pack.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/utf8.h"

using namespace ml;

namespace {

const std::string kLangDir = std::string(ML_SOURCE_DIR) + "/languages";

const LanguageRegistry& registry() {
  static const LanguageRegistry r(kLangDir);
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<std::string> placeholders(const std::string& t) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') { ++i; continue; }
    if (t[i] != '{') continue;
    std::size_t close = t.find('}', i);
    out.insert(t.substr(i + 1, close - i - 1));
    i = close;
  }
  return out;
}

// The header every test pack needs: meta plus a spelling for each reserved concept.
std::string minimal_pack(const std::string& code = "xx") {
  std::string s = "[meta]\ncode = \"" + code + "\"\nname = \"Test\"\nenglish_name = \"Test\"\n[keywords]\n";
  for (int i = 0; i < kConceptCount; ++i) {
    Concept c = static_cast<Concept>(i);
    if (!is_reserved(c)) continue;
    std::string key(concept_key(c));
    s += key + " = \"kw_" + key + "\"\n";
  }
  return s;
}

std::string load_error(const std::string& text) {
  try {
    parse_pack(text, "test.toml");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Concepts, KeysRoundTrip) {
  for (int i = 0; i < kConceptCount; ++i) {
    Concept c = static_cast<Concept>(i);
    auto back = concept_from_key(concept_key(c));
    ASSERT_TRUE(back.has_value()) << concept_key(c);
    EXPECT_EQ(*back, c);
  }
  EXPECT_FALSE(concept_from_key("no_such_concept").has_value());
  EXPECT_EQ(concept_key(Concept::NotIn), "not_in");
  EXPECT_TRUE(is_reserved(Concept::If));
  EXPECT_TRUE(is_reserved(Concept::Const));
  EXPECT_FALSE(is_reserved(Concept::Enum));
  EXPECT_FALSE(is_reserved(Concept::Delegate));
}

TEST(Packs, AllSeventeenLanguagesLoad) {
  std::vector<std::string> want = {"ar", "bn", "da", "de", "en", "es", "fi", "fr", "hi",
                                   "it", "ja", "nl", "pl", "pt", "sv", "ta", "zh"};
  EXPECT_EQ(registry().codes(), want);
  for (const auto& code : want) {
    const LanguagePack* p = registry().find(code);
    ASSERT_NE(p, nullptr) << code;
    EXPECT_EQ(p->code, code);
    EXPECT_FALSE(p->name.empty());
    EXPECT_FALSE(p->english_name.empty());
  }
  EXPECT_EQ(registry().find("xx"), nullptr);
  EXPECT_EQ(registry().english().code, "en");
}

// Adding a language means adding one file: this test is what checks that file is complete.
TEST(Packs, EveryPackIsComplete) {
  const LanguagePack& en = registry().english();
  for (const auto& code : registry().codes()) {
    const LanguagePack& p = *registry().find(code);
    for (int i = 0; i < kConceptCount; ++i) {
      Concept c = static_cast<Concept>(i);
      if (!en.spellings(c).empty()) {
        EXPECT_FALSE(p.spellings(c).empty()) << code << " lacks keyword " << concept_key(c);
      }
    }
    for (const auto& [canonical, alias] : en.builtin_preferred)
      EXPECT_TRUE(p.builtin_preferred.count(canonical)) << code << " lacks builtin " << canonical;
    for (const auto& [id, tmpl] : en.messages()) {
      auto it = p.messages().find(id);
      if (it == p.messages().end()) {
        ADD_FAILURE() << code << " lacks message " << id;
        continue;
      }
      EXPECT_EQ(placeholders(it->second), placeholders(tmpl)) << code << " message " << id;
    }
    for (const auto& [id, tmpl] : p.messages()) EXPECT_TRUE(en.messages().count(id)) << code << " has extra message " << id;
  }
}

TEST(Packs, EnglishHasEveryMessageTheCompilerAndRuntimeUse) {
  const char* ids[] = {
      "kind.SyntaxError", "kind.IndentationError", "kind.NameError", "kind.TypeError", "kind.ValueError",
      "kind.ZeroDivisionError", "kind.IndexError", "kind.KeyError", "kind.AttributeError", "kind.RecursionError",
      "kind.RuntimeError", "kind.AssertionError", "kind.ImportError", "kind.UnicodeDecodeError",
      "kind.OverflowError", "kind.StopIteration", "kind.MemoryError", "kind.TimeoutError",
      "kind.NotImplementedError", "kind.FileNotFoundError", "kind.UnboundLocalError", "syntax.unexpected_token",
      "syntax.expected", "syntax.unterminated_string", "syntax.invalid_utf8", "syntax.bad_indent",
      "syntax.unexpected_indent", "syntax.expected_indent", "syntax.invalid_number", "syntax.invalid_character",
      "syntax.unexpected_eof", "syntax.invalid_target", "syntax.keyword_misuse", "syntax.mixed_tabs",
      "runtime.undefined_name", "runtime.unbound_local", "runtime.unsupported_operand", "runtime.not_callable",
      "runtime.division_by_zero", "runtime.index_out_of_range", "runtime.key_error", "runtime.no_attribute",
      "runtime.recursion", "runtime.wrong_arg_count", "runtime.assertion_failed", "runtime.not_iterable",
      "runtime.invalid_literal_int", "runtime.import_error", "runtime.traceback_header", "runtime.overflow",
      "runtime.wasm_trap", "runtime.timeout", "runtime.memory_limit"};
  for (const char* id : ids) EXPECT_TRUE(registry().english().messages().count(id)) << id;
  EXPECT_EQ(registry().english().message("syntax.expected", {{"expected", "':'"}, {"found", "newline"}}),
            "expected ':' but found newline");
}

// Within one pack a spelling names one thing: one keyword concept, or one builtin that is not
// also a keyword. Soft concepts (not reserved) may share a word with a builtin of the same
// meaning (de "typ" is both the soft concept `type` and the builtin type(); hi "गणना" is
// the soft concept `enum` and enumerate()), since a soft concept is never lexed as a keyword.
TEST(Packs, NoSpellingNamesTwoConcepts) {
  for (const auto& code : registry().codes()) {
    const LanguagePack& p = *registry().find(code);
    std::map<std::string, Concept> seen;
    for (int i = 0; i < kConceptCount; ++i) {
      Concept c = static_cast<Concept>(i);
      for (const auto& s : p.spellings(c)) {
        auto [it, fresh] = seen.emplace(s, c);
        EXPECT_TRUE(fresh) << code << ": '" << s << "' spells both " << concept_key(it->second) << " and "
                           << concept_key(c);
      }
    }
    for (const auto& [alias, canonical] : p.builtins) {
      auto it = seen.find(alias);
      if (it != seen.end()) {
        EXPECT_FALSE(is_reserved(it->second))
            << code << ": builtin alias '" << alias << "' is the keyword " << concept_key(it->second);
      }
    }
  }
}

TEST(Packs, SpellingsAreNfcIdentifierWords) {
  for (const auto& code : registry().codes()) {
    const LanguagePack& p = *registry().find(code);
    for (int i = 0; i < kConceptCount; ++i)
      for (const auto& s : p.spellings(static_cast<Concept>(i))) {
        EXPECT_EQ(utf8::nfc(s), s) << code << " " << s;
        std::istringstream words(s);
        std::string w;
        int n = 0;
        while (words >> w) {
          EXPECT_TRUE(utf8::is_identifier(w)) << code << " " << s;
          ++n;
        }
        EXPECT_TRUE(n >= 1 && n <= 3) << code << " " << s;
      }
    for (const auto& [alias, canonical] : p.builtins) {
      EXPECT_EQ(utf8::nfc(alias), alias);
      EXPECT_TRUE(utf8::is_identifier(alias)) << code << " " << alias;
    }
  }
}

TEST(Packs, KnownSpellingsFromTheCorpus) {
  auto kw = [](const char* code, Concept c) { return registry().find(code)->spellings(c); };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(kw("ja", Concept::Let), "変数"));
  EXPECT_TRUE(has(kw("hi", Concept::Let), "मान"));
  EXPECT_TRUE(has(kw("ar", Concept::Let), "ليكن"));
  EXPECT_TRUE(has(kw("fr", Concept::Let), "soit"));
  EXPECT_TRUE(has(kw("es", Concept::Let), "sea"));
  EXPECT_TRUE(has(kw("de", Concept::Let), "sei"));
  EXPECT_TRUE(has(kw("zh", Concept::Let), "令"));
  EXPECT_TRUE(has(kw("fr", Concept::Elif), "sinon si"));
  EXPECT_TRUE(has(kw("fr", Concept::Def), "déf"));
  EXPECT_TRUE(has(kw("fr", Concept::Default), "defaut"));
  EXPECT_TRUE(has(kw("de", Concept::Return), "rückgabe"));
  EXPECT_TRUE(has(kw("en", Concept::NotIn), "not in"));
  EXPECT_TRUE(has(kw("en", Concept::IsNot), "is not"));
  EXPECT_EQ(registry().find("fr")->preferred(Concept::If), "si");
  auto builtin = [](const char* code, const char* alias) {
    const std::string* c = registry().find(code)->builtin(alias);
    return c ? *c : std::string("<none>");
  };
  EXPECT_EQ(builtin("ja", "表示"), "print");
  EXPECT_EQ(builtin("ja", "範囲"), "range");
  EXPECT_EQ(builtin("ja", "長さ"), "len");
  EXPECT_EQ(builtin("hi", "प्रिंट"), "print");
  EXPECT_EQ(builtin("hi", "परास"), "range");
  EXPECT_EQ(builtin("fr", "afficher"), "print");
  EXPECT_EQ(builtin("fr", "intervalle"), "range");
  EXPECT_EQ(builtin("de", "ganz"), "int");
  EXPECT_EQ(builtin("ar", "عدد_صحيح"), "int");
  EXPECT_EQ(builtin("zh", "打印"), "print");
  EXPECT_EQ(builtin("es", "imprimir"), "print");
  EXPECT_EQ(builtin("en", "print"), "print");
  EXPECT_EQ(builtin("fr", "print"), "<none>");
  EXPECT_EQ(registry().find("hi")->builtin_preferred.at("print"), "प्रिंट");
}

TEST(Packs, SurfacePatterns) {
  const LanguagePack& ja = *registry().find("ja");
  auto it = std::find_if(ja.patterns.begin(), ja.patterns.end(),
                         [](const SurfacePattern& p) { return p.name == "ja_for_iterable_first"; });
  ASSERT_NE(it, ja.patterns.end());
  EXPECT_EQ(it->normalize_to, "for");
  ASSERT_EQ(it->elems.size(), 6u);
  EXPECT_EQ(it->elems[0].kind, PatternElem::Kind::Expr);
  EXPECT_EQ(it->elems[0].slot, "iterable");
  EXPECT_EQ(it->elems[1].kind, PatternElem::Kind::Literal);
  EXPECT_EQ(it->elems[1].literal, "内の");
  EXPECT_EQ(it->elems[3].kind, PatternElem::Kind::Identifier);
  EXPECT_EQ(it->elems[3].slot, "target");
  EXPECT_EQ(it->elems[5].kind, PatternElem::Kind::Colon);
  const LanguagePack& es = *registry().find("es");
  ASSERT_FALSE(es.patterns.empty());
  EXPECT_EQ(es.patterns[0].elems[1].kind, PatternElem::Kind::Keyword);
  EXPECT_EQ(es.patterns[0].elems[1].concept_, Concept::For);
  for (const auto& code : {"hi", "bn", "ta", "ar"}) {
    std::set<std::string> forms;
    for (const auto& p : registry().find(code)->patterns) forms.insert(p.normalize_to);
    EXPECT_EQ(forms, (std::set<std::string>{"for", "while", "if", "with"})) << code;
  }
}

TEST(Packs, DetectsTheLanguageOfEveryCorpusProgram) {
  std::ifstream langs(std::string(ML_CORPUS_DIR) + "/LANGS");
  ASSERT_TRUE(langs) << "missing " << ML_CORPUS_DIR << "/LANGS";
  std::string file, lang;
  int n = 0;
  while (langs >> file >> lang) {
    std::string src = read_file(std::string(ML_CORPUS_DIR) + "/" + file);
    ASSERT_FALSE(src.empty()) << file;
    EXPECT_EQ(registry().detect(src), lang) << file;
    ++n;
  }
  EXPECT_GE(n, 40);
}

// The Python programs the project runs (tests/pyperf, tests/stdlib) are English without --lang.
TEST(Packs, DetectsRealPythonProgramsAsEnglish) {
  int n = 0;
  for (const char* dir : {"/tests/pyperf", "/tests/stdlib"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::string(ML_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".py") continue;
      EXPECT_EQ(registry().detect(read_file(e.path().string())), "en") << e.path();
      ++n;
    }
  }
  EXPECT_GE(n, 20);
}

// The importer takes the standard library's modules as English without detecting (detection
// reads every pack): detection agrees on each of them.
TEST(Packs, DetectsTheStandardLibraryAsEnglish) {
  int n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(ML_SOURCE_DIR) + "/stdlib")) {
    if (e.path().extension() != ".py") continue;
    EXPECT_EQ(registry().detect(read_file(e.path().string())), "en") << e.path();
    ++n;
  }
  EXPECT_GE(n, 50);
}

TEST(Packs, DetectionDetails) {
  EXPECT_EQ(registry().detect(""), "en");
  EXPECT_EQ(registry().detect("x = 1\n"), "en");
  EXPECT_EQ(registry().detect("soit x = 3\nsi x > 2:\n    afficher(x)\n"), "fr");
  // A word beside a dot is an attribute or a module, not a keyword: Italian's `locale`
  // (nonlocal) used as a module forty times is still English.
  std::string mod = "import locale\n";
  for (int k = 0; k < 40; ++k) mod += "print(locale.atof(\"1.5\"), x.locale)\n";
  EXPECT_EQ(registry().detect(mod), "en");
  // Words inside strings and comments do not count.
  EXPECT_EQ(registry().detect("print(\"soit si afficher sinon\")  # soit si afficher\n"), "en");
  EXPECT_EQ(registry().detect("変数 x = 1\n表示(x)\n"), "ja");
  EXPECT_EQ(registry().detect("मान x = 1\nप्रिंट(x)\n"), "hi");
  // Many variables named like a one-letter keyword ("i" is Danish and Swedish for "in") do
  // not outweigh a few English keywords.
  std::string unpack = "def f(t):\n    for _ in range(3):\n";
  for (int k = 0; k < 400; ++k) unpack += "        a, b, c, d, e, f, g, h, i, j = t\n";
  EXPECT_EQ(registry().detect(unpack + "    return a\n"), "en");
  // A multi-word spelling counts once, as the lexer reads it.
  auto s = registry().detect_scores("x = 1 if a not in b else 2");
  EXPECT_GT(s["en"], 0);
}

TEST(Messages, FillsPlaceholdersAndFallsBackToEnglish) {
  const LanguagePack& fr = *registry().find("fr");
  EXPECT_EQ(fr.message("runtime.undefined_name", {{"name", "x"}}), "le nom « x » n'est pas défini");
  EXPECT_EQ(fr.message("kind.SyntaxError"), "Erreur de syntaxe");
  // Unknown placeholders stay visible; unknown ids come back as the id.
  EXPECT_EQ(fr.message("runtime.undefined_name"), "le nom « {name} » n'est pas défini");
  EXPECT_EQ(fr.message("no.such.id"), "no.such.id");

  auto p = parse_pack(minimal_pack() +
                          "[messages]\ngreet = \"hello {who}, {{literal}} }}\"\n"
                          "[messages.runtime]\ndivision_by_zero = \"zero!\"\n",
                      "xx.toml");
  EXPECT_EQ(p->message("greet", {{"who", "Ada"}}), "hello Ada, {literal} }");
  EXPECT_EQ(p->message("runtime.division_by_zero"), "zero!");
  EXPECT_EQ(p->message("runtime.recursion"), "runtime.recursion");  // no fallback set
  p->fallback = &registry().english();
  EXPECT_EQ(p->message("runtime.recursion"), "maximum recursion depth exceeded");
  EXPECT_EQ(p->message("runtime.not_callable", {{"type", "int"}}), "'int' object is not callable");
}

TEST(Messages, DeferredCataloguesMatchTheEagerlyReadOnesInEveryPack) {
  // The registry reads packs with their messages deferred; reading a shipped file both ways
  // must give the same keywords and the same templates.
  for (const auto& code : registry().codes()) {
    const LanguagePack& deferred = *registry().find(code);
    auto eager = load_pack(deferred.path);
    EXPECT_TRUE(deferred.catalog.error().empty()) << deferred.catalog.error();
    EXPECT_EQ(deferred.messages(), eager->messages()) << code;
    EXPECT_GT(deferred.messages().size(), 100u) << code;
    EXPECT_EQ(deferred.builtins, eager->builtins) << code;
    EXPECT_EQ(deferred.patterns.size(), eager->patterns.size()) << code;
    for (int i = 0; i < kConceptCount; ++i) EXPECT_EQ(deferred.keywords[i], eager->keywords[i]) << code;
  }
}

TEST(Messages, ABrokenDeferredCatalogueIsReportedAndFallsBackToEnglish) {
  // Sections after the messages (patterns) still load; a multi-line string holding a line that
  // looks like a header does not end the messages section.
  std::string text = minimal_pack() +
                     "[messages.runtime]\nnote = \"\"\"first\n[builtins]\nlast\"\"\"\n"
                     "bad = \"oops {name\"\n"
                     "[[patterns]]\nname = \"p\"\nnormalize_to = \"while\"\n"
                     "elems = [\"expr:condition\", \"kw:while\", \":\"]\n";
  EXPECT_THROW(parse_pack(text, "xx.toml"), std::runtime_error);  // read eagerly: refused at once
  auto p = parse_pack(text, "xx.toml", /*defer_messages=*/true);
  EXPECT_EQ(p->patterns.size(), 1u);
  p->fallback = &registry().english();
  EXPECT_EQ(p->message("runtime.recursion"), "maximum recursion depth exceeded");
  const std::string& e = p->catalog.error();
  EXPECT_NE(e.find("xx.toml:"), std::string::npos) << e;
  EXPECT_NE(e.find("messages.runtime.bad"), std::string::npos) << e;

  auto good = parse_pack(minimal_pack() + "[messages.runtime]\nnote = \"\"\"first\n[builtins]\nlast\"\"\"\n",
                         "xx.toml", true);
  EXPECT_TRUE(good->catalog.error().empty()) << good->catalog.error();
  EXPECT_EQ(good->message("runtime.note"), "first\n[builtins]\nlast");
}

TEST(Loader, ParsesAMinimalPack) {
  auto p = parse_pack(minimal_pack() +
                          "enum = [\"kw_enum\", \"kw enum two\"]\n"
                          "[builtins]\nprint = [\"show\", \"display\"]\nlen = \"size\"\n"
                          "[[patterns]]\nname = \"p\"\nnormalize_to = \"while\"\n"
                          "elems = [\"expr:condition\", \"kw:while\", \":\"]\n",
                      "xx.toml");
  EXPECT_EQ(p->code, "xx");
  EXPECT_EQ(p->preferred(Concept::If), "kw_if");
  EXPECT_TRUE(p->keywords[static_cast<int>(Concept::Enum)].empty());  // soft: never lexed
  ASSERT_EQ(p->spellings(Concept::Enum).size(), 2u);
  EXPECT_EQ(p->spellings(Concept::Enum)[1], "kw enum two");
  EXPECT_EQ(p->builtins.at("display"), "print");
  EXPECT_EQ(p->builtin_preferred.at("print"), "show");
  EXPECT_EQ(p->builtin_preferred.at("len"), "size");
  ASSERT_EQ(p->patterns.size(), 1u);
  EXPECT_EQ(p->patterns[0].elems[1].concept_, Concept::While);
}

TEST(Loader, NormalizesSpellingsToNfc) {
  std::string text = minimal_pack();
  text.replace(text.find("\"kw_break\""), 10, "\"arre\xCC\x82ter\"");
  text += "[builtins]\nlen = \"longueur\xCC\x81\"\n";
  auto p = parse_pack(text, "xx.toml");
  EXPECT_EQ(p->preferred(Concept::Break), "arr\xC3\xAAter");
  EXPECT_EQ(p->builtins.count("longueu\x72\xCC\x81"), 0u);
  EXPECT_EQ(p->builtins.count(utf8::nfc("longueur\xCC\x81")), 1u);
}

TEST(Loader, ErrorsNameFileLineAndKey) {
  std::string e = load_error(minimal_pack() + "frobnicate = \"x\"\n");
  EXPECT_NE(e.find("test.toml:"), std::string::npos) << e;
  EXPECT_NE(e.find("keywords.frobnicate"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown concept"), std::string::npos) << e;
  // The line of the bad key: it is the last line.
  const std::string header = minimal_pack();
  int last_line = static_cast<int>(std::count(header.begin(), header.end(), '\n')) + 1;
  EXPECT_NE(e.find("test.toml:" + std::to_string(last_line) + ":"), std::string::npos) << e;

  e = load_error("[meta]\ncode = \"xx\"\nname = \"T\"\nenglish_name = \"T\"\n[keywords]\nif = \"si\"\n");
  EXPECT_NE(e.find("missing"), std::string::npos) << e;
  EXPECT_NE(e.find("keywords.elif"), std::string::npos) << e;

  e = load_error("[meta]\ncode = \"xx\"\nname = \"T\"\n[keywords]\n");
  EXPECT_NE(e.find("meta.english_name"), std::string::npos) << e;

  e = load_error("[meta\ncode = 1\n");
  EXPECT_NE(e.find("test.toml:1"), std::string::npos) << e;
  EXPECT_NE(e.find("TOML syntax error"), std::string::npos) << e;

  std::string base = minimal_pack();
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = base;
    t.replace(t.find(from), from.size(), to);
    return load_error(t);
  };
  e = with("\"kw_while\"", "\"one two three four\"");
  EXPECT_NE(e.find("more than 3 words"), std::string::npos) << e;
  EXPECT_NE(e.find("keywords.while"), std::string::npos) << e;
  e = with("\"kw_while\"", "\"a-b\"");
  EXPECT_NE(e.find("not an identifier word"), std::string::npos) << e;
  e = with("\"kw_while\"", "\"two  spaces\"");
  EXPECT_NE(e.find("extra spaces"), std::string::npos) << e;
  e = with("\"kw_while\"", "\"kw_if\"");
  EXPECT_NE(e.find("also the spelling of 'if'"), std::string::npos) << e;
  e = with("\"kw_while\"", "[]");
  EXPECT_NE(e.find("empty list"), std::string::npos) << e;
  e = with("\"kw_while\"", "3");
  EXPECT_NE(e.find("must be a string or a list of strings"), std::string::npos) << e;

  e = load_error(base + "[builtins]\nprint = \"show\"\nlen = \"show\"\n");
  // toml++ visits keys in sorted order, so `len` claims "show" first.
  EXPECT_NE(e.find("test.toml:" + std::to_string(last_line + 1) + ": key 'builtins.print'"), std::string::npos) << e;
  EXPECT_NE(e.find("alias 'show' already names builtin 'len'"), std::string::npos) << e;
  e = load_error(base + "[builtins]\nprint = \"kw_if\"\n");
  EXPECT_NE(e.find("is a keyword of this pack"), std::string::npos) << e;

  e = load_error(base + "[messages]\nbad = \"oops {name\"\n");
  EXPECT_NE(e.find("messages.bad"), std::string::npos) << e;
  e = load_error(base + "[messages]\nbad = \"oops }\"\n");
  EXPECT_NE(e.find("stray '}'"), std::string::npos) << e;

  e = load_error(base + "[[patterns]]\nname = \"p\"\nnormalize_to = \"loop\"\nelems = [\":\"]\n");
  EXPECT_NE(e.find("patterns.p.normalize_to"), std::string::npos) << e;
  e = load_error(base + "[[patterns]]\nname = \"p\"\nnormalize_to = \"for\"\nelems = [\"expr:iterable\", \":\"]\n");
  EXPECT_NE(e.find("needs exactly the slots: iterable, target"), std::string::npos) << e;
  e = load_error(base + "[[patterns]]\nname = \"p\"\nnormalize_to = \"if\"\nelems = [\"expr:condition\", \"kw:enum\", \":\"]\n");
  EXPECT_NE(e.find("unknown keyword concept"), std::string::npos) << e;
  e = load_error(base + "[[patterns]]\nname = \"p\"\nnormalize_to = \"if\"\nelems = [\"expr:condition\", \"kw:if\"]\n");
  EXPECT_NE(e.find("must end with ':'"), std::string::npos) << e;
  e = load_error(base + "[[patterns]]\nname = \"p\"\nnormalize_to = \"if\"\nelems = [\"word:x\", \":\"]\n");
  EXPECT_NE(e.find("expected expr:SLOT"), std::string::npos) << e;

  e = load_error(base + "[extras]\nx = 1\n");
  EXPECT_NE(e.find("unknown section"), std::string::npos) << e;

  try {
    load_pack("/nonexistent/zz.toml");
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& err) {
    EXPECT_NE(std::string(err.what()).find("/nonexistent/zz.toml"), std::string::npos);
  }
}

TEST(Registry, ChecksItsDirectory) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(ML_BUILD_DIR) / "lang_test_packs";
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_THROW(LanguageRegistry(dir.string()), std::runtime_error);  // no en.toml
  std::ofstream(dir / "en.toml") << minimal_pack("en");
  std::ofstream(dir / "xx.toml") << minimal_pack("yy");  // code does not match file name
  {
    // Packs are read on first use: the mismatch shows when the pack is asked for, or when
    // detection reads them all.
    LanguageRegistry r(dir.string());
    EXPECT_EQ(r.codes(), (std::vector<std::string>{"en", "xx"}));
    for (int how = 0; how < 2; ++how) {
      try {
        if (how == 0) r.find("xx");
        else r.detect("x = 1\n");
        ADD_FAILURE() << "no error";
      } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("xx.toml"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("meta.code"), std::string::npos) << e.what();
      }
    }
    EXPECT_EQ(r.english().code, "en");
  }
  std::ofstream(dir / "xx.toml") << minimal_pack("xx");
  LanguageRegistry r(dir.string());
  EXPECT_EQ(r.codes(), (std::vector<std::string>{"en", "xx"}));
  EXPECT_EQ(r.find("xx")->fallback, r.find("en"));
  EXPECT_EQ(r.detect("kw_let a = 1\nkw_if a:\n    kw_pass\n"), "en");  // identical packs tie -> en
  EXPECT_THROW(LanguageRegistry((dir / "missing").string()), std::runtime_error);
  fs::remove_all(dir);
}

TEST(Registry, InstanceUsesTheBuiltInDirectory) {
  const LanguageRegistry& r = LanguageRegistry::instance();
  EXPECT_EQ(&r, &LanguageRegistry::instance());
  EXPECT_NE(r.find("ja"), nullptr);
}
