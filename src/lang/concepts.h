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
  X(Default, "default") X(Let, "let") X(Const, "const")                               \
  /* Soft concepts (after Const): words of the original's wider language that this     \
     implementation gives no syntax to. Packs spell them, but they are not reserved,    \
     so `type(x)` or a variable named `cost` still work (see is_reserved). */           \
  X(Enum, "enum") X(TypeDecl, "type") X(Uses, "uses") X(Local, "local")                 \
  X(Observe, "observe") X(OnChange, "on_change") X(Canvas, "canvas")                    \
  X(Render, "render") X(Bind, "bind") X(Prompt, "prompt") X(Think, "think")             \
  X(Generate, "generate") X(Stream, "stream") X(Embed, "embed") X(Extract, "extract")   \
  X(Classify, "classify") X(Plan, "plan") X(Transcribe, "transcribe")                   \
  X(Retrieve, "retrieve") X(Par, "par") X(Spawn, "spawn") X(Channel, "channel")         \
  X(Send, "send") X(Receive, "receive") X(Trace, "trace") X(Cost, "cost")               \
  X(Explain, "explain") X(Edge, "edge") X(Cloud, "cloud") X(Memory, "memory")           \
  X(Swarm, "swarm") X(Delegate, "delegate")

enum class Concept : unsigned char {
#define ML_CONCEPT_ENUM(id, key) id,
  ML_CONCEPTS(ML_CONCEPT_ENUM)
#undef ML_CONCEPT_ENUM
  Count_
};

constexpr int kConceptCount = static_cast<int>(Concept::Count_);

// Reserved concepts are keywords: the lexer turns their spellings into keyword tokens.
// The soft ones (Enum and after) are kept in LanguagePack::soft_keywords instead, so they
// never shadow identifiers.
constexpr bool is_reserved(Concept c) { return static_cast<int>(c) <= static_cast<int>(Concept::Const); }

// "if", "not_in", ... : the key a pack file uses for the concept.
std::string_view concept_key(Concept c);
std::optional<Concept> concept_from_key(std::string_view key);

}  // namespace ml
