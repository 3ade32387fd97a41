// The language-independent keyword concepts. Every language pack spells each of these;
// the lexer turns a spelling into its concept, the parser only ever sees concepts.
#pragma once
#include <optional>
#include <string_view>

namespace ml {

// X-macro: concept id, canonical (English) key used in pack files.
#define ML_CONCEPTS(X)                                                                  \
  X(If, "if") X(Elif, "elif") X(Else, "else") X(While, "while") X(For, "for")           \
  X(In, "in") X(NotIn, "not_in") X(Break, "break") X(Continue, "continue")              \
  X(Pass, "pass") X(Return, "return") X(Def, "def") X(Class, "class")                   \
  X(Lambda, "lambda") X(Yield, "yield") X(Try, "try") X(Except, "except")               \
  X(Finally, "finally") X(Raise, "raise") X(With, "with") X(As, "as")                   \
  X(Import, "import") X(From, "from") X(Global, "global") X(Nonlocal, "nonlocal")       \
  X(Assert, "assert") X(Del, "del") X(And, "and") X(Or, "or") X(Not, "not")             \
  X(Is, "is") X(IsNot, "is_not") X(True, "True") X(False, "False") X(None, "None")      \
  X(Async, "async") X(Await, "await") X(Match, "match") X(Case, "case")                 \
  X(Default, "default") X(Let, "let") X(Const, "const")

enum class Concept : unsigned char {
#define ML_CONCEPT_ENUM(id, key) id,
  ML_CONCEPTS(ML_CONCEPT_ENUM)
#undef ML_CONCEPT_ENUM
  Count_
};

constexpr int kConceptCount = static_cast<int>(Concept::Count_);

// "if", "not_in", ... : the key a pack file uses for the concept.
std::string_view concept_key(Concept c);
std::optional<Concept> concept_from_key(std::string_view key);

}  // namespace ml
