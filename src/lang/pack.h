// A language pack: everything that makes one human language's surface of the language.
// Packs are data (languages/<code>.toml); this is their in-memory form.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "lang/concepts.h"

namespace ml {

// One element of a word-order surface pattern (e.g. Japanese "範囲(6) 内の 各 i に対して:").
struct PatternElem {
  enum class Kind { Expr, Identifier, Literal, Keyword, Colon } kind;
  std::string slot;     // Expr/Identifier: "iterable", "target", "condition", "context"
  std::string literal;  // Literal: the word to match
  Concept concept_ = Concept::Pass;  // Keyword
};

struct SurfacePattern {
  std::string name;
  std::string normalize_to;  // "for", "while", "if", "with"
  std::vector<PatternElem> elems;
};

// A pack's [messages] sections. A pack read for a run keeps their text and parses it on first use:
// start-up needs every pack's keywords and builtins (for detection) but most runs format no
// message, and the catalogues are most of each file.
class MessageCatalog {
 public:
  using Map = std::map<std::string, std::string, std::less<>>;
  void set(Map parsed);                                 // already parsed
  void defer(std::string toml_text, std::string path);  // parsed by the first map()
  // The templates by id; empty when the deferred sections do not parse (see error()).
  const Map& map() const;
  // "file:line: key 'messages.x': ..." when the deferred sections did not parse, else empty.
  const std::string& error() const;

 private:
  mutable std::once_flag once_;
  mutable Map map_;
  mutable std::string error_;
  std::string text_, path_;
};

struct LanguagePack {
  std::string code;         // "fr"
  std::string name;         // "Français"
  std::string english_name; // "French"
  // Every spelling of every concept. A spelling may be several words ("sinon si"); the lexer
  // matches the longest. The first spelling is the preferred one (used by `translate`).
  std::vector<std::string> keywords[kConceptCount];
  // Spellings of the soft (unreserved) concepts, see is_reserved(); never lexed as keywords.
  std::map<Concept, std::vector<std::string>> soft_keywords;
  // Localized builtin name -> canonical (Python) name, e.g. "afficher" -> "print".
  std::map<std::string, std::string, std::less<>> builtins;
  // Canonical -> preferred localized name (first alias listed), for `translate`.
  std::map<std::string, std::string, std::less<>> builtin_preferred;
  // Error-message templates by id, with {name}-style placeholders, e.g.
  // "undefined_name" -> "le nom « {name} » n'est pas défini".
  MessageCatalog catalog;
  const MessageCatalog::Map& messages() const { return catalog.map(); }
  std::vector<SurfacePattern> patterns;
  std::string path;  // the file it was loaded from
  // Where message() looks for ids this pack lacks (the English pack; set by LanguageRegistry).
  const LanguagePack* fallback = nullptr;

  // All spellings of a concept, reserved or soft (empty if the pack has none).
  const std::vector<std::string>& spellings(Concept c) const;
  // The canonical builtin for a localized name ("afficher" -> "print"), or nullptr.
  const std::string* builtin(std::string_view localized) const;

  const std::string& preferred(Concept c) const { return keywords[static_cast<int>(c)].front(); }
  // Fills {placeholders}; falls back to the English pack's template when this pack lacks the id.
  std::string message(std::string_view id,
                      const std::map<std::string, std::string>& args = {}) const;
};

// A message template with its {name} placeholders filled from `args` ({{ and }} are literal
// braces; a placeholder without a value stays as written).
std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& args);

// All packs found in the languages directory. Each is read on first use: a run that names its
// language (--lang, "# language:", the English standard library) reads that pack and English
// only; detecting a language reads the table compiled in at build time (lang/spelling_index.h)
// when the files are the ones it was made from, else every pack. Safe to use from several threads.
class LanguageRegistry {
 public:
  // The directory from $MULTILINGUAL_LANG_DIR, else the one baked in at build time.
  static const LanguageRegistry& instance();
  // Lists the directory and reads the English pack; the others are read by find() or detection
  // (a pack whose meta.code is not its file name throws there).
  explicit LanguageRegistry(const std::string& dir);
  ~LanguageRegistry();

  const LanguagePack* find(std::string_view code) const;  // nullptr if unknown
  const LanguagePack& english() const;
  std::vector<std::string> codes() const;  // sorted
  // Guess the language of a source text: the pack whose keywords/builtins occur most often.
  // Each whole-word occurrence (outside comments and string literals) of a spelling scores
  // 1/k for every pack among the k packs that have that spelling; ties go to "en".
  std::string detect(std::string_view source) const;
  // Per-pack scores behind detect(), by code.
  std::map<std::string, double> detect_scores(std::string_view source) const;
  // Whether detection looks spellings up in the table compiled into the program (made at build
  // time from these very files) rather than in the packs, each parsed.
  bool detection_index_prebuilt() const;

 private:
  struct Lazy;
  std::unique_ptr<Lazy> lazy_;  // the packs read so far, and the detection index once made
};

// Parses one pack file; throws std::runtime_error naming the file, line and key on bad data.
// With `defer_messages`, the [messages] sections are checked and parsed on first use instead
// (their errors then show in MessageCatalog::error(), and message() falls back to English).
std::unique_ptr<LanguagePack> load_pack(const std::string& path, bool defer_messages = false);
// Same, from text already read (`path` only names it in errors).
std::unique_ptr<LanguagePack> parse_pack(std::string_view text, const std::string& path,
                                         bool defer_messages = false);

}  // namespace ml
