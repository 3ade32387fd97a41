// Loading one language pack from its TOML file (format: languages/README.md), and message
// templating.
#include "lang/pack.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <toml++/toml.h>

#include "support/utf8.h"

namespace ml {

namespace {

class PackReader {
 public:
  PackReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& key, const std::string& msg) const {
    std::string s = path_;
    if (where.begin.line > 0) s += ":" + std::to_string(where.begin.line);
    s += ": ";
    if (!key.empty()) s += "key '" + key + "': ";
    throw std::runtime_error(s + msg);
  }

  std::unique_ptr<LanguagePack> read(std::string_view text, bool defer_messages) {
    std::string rest, messages;
    if (defer_messages) split_messages(text, rest, messages);
    toml::table root = parse(defer_messages ? std::string_view(rest) : text);
    auto pack = std::make_unique<LanguagePack>();
    pack->path = path_;
    for (auto&& [k, v] : root) {
      std::string key(k.str());
      if (key != "meta" && key != "keywords" && key != "builtins" && key != "messages" && key != "patterns")
        fail(k.source(), key, "unknown section (expected meta, keywords, builtins, messages, patterns)");
    }
    read_meta(root, *pack);
    read_keywords(root, *pack);
    read_builtins(root, *pack);
    read_patterns(root, *pack);
    // Messages written as dotted keys outside a [messages...] header are not split off: read
    // the whole file now rather than guess.
    if (defer_messages && root.get("messages")) return read(text, false);
    if (defer_messages) pack->catalog.defer(std::move(messages), path_);
    else pack->catalog.set(read_messages(root));
    return pack;
  }

  // The templates of a file holding only [messages...] sections.
  MessageCatalog::Map read_messages_only(std::string_view text) { return read_messages(parse(text)); }

 private:
  std::string path_;

  toml::table parse(std::string_view text) {
    try {
      return toml::parse(text, path_);
    } catch (const toml::parse_error& e) {
      fail(e.source(), "", std::string("TOML syntax error: ") + std::string(e.description()));
    }
  }

  // Sends each line either to `messages` (the [messages] and [messages.*] sections) or to `rest`,
  // blanking it in the other so both keep the file's line numbers for errors.
  static void split_messages(std::string_view text, std::string& rest, std::string& messages) {
    rest.reserve(text.size());  // each ends the file's size: grown step by step, it leaves copies
    messages.reserve(text.size());
    bool in_messages = false;
    const char* open_quotes = nullptr;  // the delimiter of a multi-line string we are inside
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t end = text.find('\n', pos);
      end = end == std::string_view::npos ? text.size() : end + 1;
      std::string_view line = text.substr(pos, end - pos);
      pos = end;
      if (!open_quotes) {
        std::string_view name = header_name(line);
        if (!name.empty()) in_messages = name == "messages" || name.substr(0, 9) == "messages.";
      }
      for (const char* q : {"\"\"\"", "'''"})
        for (std::size_t i = line.find(q); i != std::string_view::npos; i = line.find(q, i + 3))
          if (!open_quotes || open_quotes == q) open_quotes = open_quotes ? nullptr : q;
      (in_messages ? messages : rest) += line;
      (in_messages ? rest : messages) += '\n';
    }
  }

  // "messages.kind" for a table header line "[messages.kind]" (or "[[patterns]]"), else empty.
  static std::string_view header_name(std::string_view line) {
    std::size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos || line[b] != '[') return {};
    std::size_t e = line.find(']', b);
    if (e == std::string_view::npos) return {};
    std::string_view name = line.substr(b + 1, e - b - 1);
    if (!name.empty() && name[0] == '[') name.remove_prefix(1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    for (char c : name)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return {};
    return name;
  }


  const toml::table& section(const toml::table& root, const char* name, bool required) {
    static const toml::table empty;
    const toml::node* n = root.get(name);
    if (!n) {
      if (required) fail({}, name, "missing section [" + std::string(name) + "]");
      return empty;
    }
    const toml::table* t = n->as_table();
    if (!t) fail(n->source(), name, "must be a table");
    return *t;
  }

  std::string string_value(const toml::node& n, const std::string& key) {
    const auto* s = n.as_string();
    if (!s) fail(n.source(), key, "must be a string");
    std::string v = s->get();
    if (!utf8::is_valid(v)) fail(n.source(), key, "invalid UTF-8");
    return v;
  }

  // A string or a non-empty array of strings.
  std::vector<std::string> string_list(const toml::node& n, const std::string& key) {
    std::vector<std::string> out;
    if (n.is_string()) {
      out.push_back(string_value(n, key));
    } else if (const auto* a = n.as_array()) {
      if (a->empty()) fail(n.source(), key, "empty list");
      for (const auto& e : *a) out.push_back(string_value(e, key));
    } else {
      fail(n.source(), key, "must be a string or a list of strings");
    }
    return out;
  }

  void read_meta(const toml::table& root, LanguagePack& p) {
    const toml::table& meta = section(root, "meta", true);
    auto get = [&](const char* k) {
      const toml::node* n = meta.get(k);
      if (!n) fail(meta.source(), std::string("meta.") + k, "missing");
      std::string v = string_value(*n, std::string("meta.") + k);
      if (v.empty()) fail(n->source(), std::string("meta.") + k, "must not be empty");
      return v;
    };
    p.code = get("code");
    p.name = get("name");
    p.english_name = get("english_name");
    for (auto&& [k, v] : meta) {
      std::string key(k.str());
      if (key != "code" && key != "name" && key != "english_name")
        fail(k.source(), "meta." + key, "unknown key");
    }
  }

  // A keyword spelling: 1-3 identifier words separated by single spaces, NFC-normalized.
  std::string spelling(const toml::node& n, const std::string& key, const std::string& raw) {
    std::string s = utf8::nfc(raw);
    std::vector<std::string> words;
    std::string cur;
    for (char c : s + " ") {
      if (c == ' ') {
        if (cur.empty()) fail(n.source(), key, "spelling '" + raw + "' has empty words (extra spaces)");
        words.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (words.size() > 3) fail(n.source(), key, "spelling '" + raw + "' has more than 3 words");
    for (const auto& w : words)
      if (!utf8::is_identifier(w))
        fail(n.source(), key, "spelling '" + raw + "': '" + w + "' is not an identifier word");
    return s;
  }

  void read_keywords(const toml::table& root, LanguagePack& p) {
    const toml::table& kw = section(root, "keywords", true);
    for (auto&& [k, v] : kw) {
      std::string key(k.str());
      auto c = concept_from_key(key);
      if (!c) fail(k.source(), "keywords." + key, "unknown concept (see src/lang/concepts.h)");
      std::vector<std::string> list;
      for (const auto& raw : string_list(v, "keywords." + key)) {
        std::string s = spelling(v, "keywords." + key, raw);
        for (const auto& prev : list)
          if (prev == s) fail(v.source(), "keywords." + key, "spelling '" + raw + "' listed twice");
        list.push_back(s);
      }
      if (is_reserved(*c)) p.keywords[static_cast<int>(*c)] = std::move(list);
      else p.soft_keywords[*c] = std::move(list);
    }
    for (int i = 0; i < kConceptCount; ++i) {
      Concept c = static_cast<Concept>(i);
      if (is_reserved(c) && p.keywords[i].empty())
        fail(kw.source(), "keywords." + std::string(concept_key(c)), "missing (every pack must spell every keyword)");
    }
    // One spelling must not name two keywords: the lexer could not tell them apart.
    std::map<std::string, Concept> seen;
    for (int i = 0; i < kConceptCount; ++i)
      for (const auto& s : p.keywords[i]) {
        auto [it, fresh] = seen.emplace(s, static_cast<Concept>(i));
        if (!fresh)
          fail(kw.source(), "keywords." + std::string(concept_key(static_cast<Concept>(i))),
               "spelling '" + s + "' is also the spelling of '" + std::string(concept_key(it->second)) + "'");
      }
  }

  void read_builtins(const toml::table& root, LanguagePack& p) {
    const toml::table& bt = section(root, "builtins", false);
    std::set<std::string> reserved;
    for (int i = 0; i < kConceptCount; ++i)
      for (const auto& s : p.keywords[i]) reserved.insert(s);
    for (auto&& [k, v] : bt) {
      std::string canonical(k.str());
      std::string key = "builtins." + canonical;
      if (!utf8::is_identifier(canonical)) fail(k.source(), key, "builtin name must be an identifier");
      bool first = true;
      for (const auto& raw : string_list(v, key)) {
        std::string alias = utf8::nfc(raw);
        if (!utf8::is_identifier(alias)) fail(v.source(), key, "alias '" + raw + "' is not an identifier");
        if (reserved.count(alias)) fail(v.source(), key, "alias '" + raw + "' is a keyword of this pack");
        auto [it, fresh] = p.builtins.emplace(alias, canonical);
        if (!fresh && it->second != canonical)
          fail(v.source(), key, "alias '" + raw + "' already names builtin '" + it->second + "'");
        if (first) p.builtin_preferred[canonical] = alias;
        first = false;
      }
    }
  }

  void check_template(const toml::node& n, const std::string& key, const std::string& t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '{') {
        if (i + 1 < t.size() && t[i + 1] == '{') { ++i; continue; }
        std::size_t close = t.find('}', i);
        if (close == std::string::npos) fail(n.source(), key, "unclosed '{' in template");
        std::string name = t.substr(i + 1, close - i - 1);
        if (!utf8::is_identifier(name)) fail(n.source(), key, "bad placeholder '{" + name + "}'");
        i = close;
      } else if (t[i] == '}') {
        if (i + 1 < t.size() && t[i + 1] == '}') { ++i; continue; }
        fail(n.source(), key, "stray '}' in template (write '}}')");
      }
    }
  }

  // Nested tables flatten to dotted ids: [messages] kind.SyntaxError = ... -> "kind.SyntaxError".
  void flatten_messages(const toml::table& t, const std::string& prefix, MessageCatalog::Map& out) {
    for (auto&& [k, v] : t) {
      std::string id = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      if (const auto* sub = v.as_table()) {
        flatten_messages(*sub, id, out);
      } else {
        std::string text = string_value(v, "messages." + id);
        check_template(v, "messages." + id, text);
        out[id] = std::move(text);
      }
    }
  }

  MessageCatalog::Map read_messages(const toml::table& root) {
    MessageCatalog::Map out;
    flatten_messages(section(root, "messages", false), "", out);
    return out;
  }

  void read_patterns(const toml::table& root, LanguagePack& p) {
    const toml::node* n = root.get("patterns");
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr) fail(n->source(), "patterns", "must be an array of tables ([[patterns]])");
    for (const auto& item : *arr) {
      const toml::table* t = item.as_table();
      if (!t) fail(item.source(), "patterns", "each entry must be a table");
      SurfacePattern sp;
      const toml::node* name = t->get("name");
      if (!name) fail(t->source(), "patterns.name", "missing");
      sp.name = string_value(*name, "patterns.name");
      std::string key = "patterns." + sp.name;
      const toml::node* norm = t->get("normalize_to");
      if (!norm) fail(t->source(), key + ".normalize_to", "missing");
      sp.normalize_to = string_value(*norm, key + ".normalize_to");
      if (sp.normalize_to != "for" && sp.normalize_to != "while" && sp.normalize_to != "if" && sp.normalize_to != "with")
        fail(norm->source(), key + ".normalize_to", "must be one of for, while, if, with");
      const toml::node* elems = t->get("elems");
      if (!elems || !elems->is_array()) fail(t->source(), key + ".elems", "missing list of elements");
      for (auto&& [k, v] : *t) {
        std::string kk(k.str());
        if (kk != "name" && kk != "normalize_to" && kk != "elems") fail(k.source(), key + "." + kk, "unknown key");
      }
      std::set<std::string> slots;
      for (const auto& e : *elems->as_array()) {
        std::string s = string_value(e, key + ".elems");
        PatternElem pe{PatternElem::Kind::Colon, "", "", Concept::Pass};
        auto colon = s.find(':');
        std::string kind = colon == std::string::npos ? s : s.substr(0, colon);
        std::string arg = colon == std::string::npos ? "" : s.substr(colon + 1);
        if (s == ":") {
          pe.kind = PatternElem::Kind::Colon;
        } else if (kind == "expr" || kind == "ident") {
          pe.kind = kind == "expr" ? PatternElem::Kind::Expr : PatternElem::Kind::Identifier;
          if (arg != "iterable" && arg != "target" && arg != "condition" && arg != "context")
            fail(e.source(), key + ".elems", "'" + s + "': slot must be iterable, target, condition or context");
          if (!slots.insert(arg).second) fail(e.source(), key + ".elems", "slot '" + arg + "' used twice");
          pe.slot = arg;
        } else if (kind == "lit") {
          pe.kind = PatternElem::Kind::Literal;
          pe.literal = utf8::nfc(arg);
          if (!utf8::is_identifier(pe.literal)) fail(e.source(), key + ".elems", "'" + s + "': literal must be one word");
        } else if (kind == "kw") {
          pe.kind = PatternElem::Kind::Keyword;
          auto c = concept_from_key(arg);
          if (!c || !is_reserved(*c)) fail(e.source(), key + ".elems", "'" + s + "': unknown keyword concept");
          pe.concept_ = *c;
        } else {
          fail(e.source(), key + ".elems", "'" + s + "': expected expr:SLOT, ident:SLOT, lit:WORD, kw:CONCEPT or ':'");
        }
        sp.elems.push_back(std::move(pe));
      }
      if (sp.elems.empty() || sp.elems.back().kind != PatternElem::Kind::Colon)
        fail(elems->source(), key + ".elems", "must end with ':'");
      std::set<std::string> need;
      if (sp.normalize_to == "for") need = {"iterable", "target"};
      else if (sp.normalize_to == "with") need = {"context"};
      else need = {"condition"};
      if (slots != need) {
        std::string want;
        for (const auto& s : need) want += (want.empty() ? "" : ", ") + s;
        fail(elems->source(), key + ".elems", "a '" + sp.normalize_to + "' pattern needs exactly the slots: " + want);
      }
      p.patterns.push_back(std::move(sp));
    }
  }
};

}  // namespace

std::unique_ptr<LanguagePack> parse_pack(std::string_view text, const std::string& path, bool defer_messages) {
  return PackReader(path).read(text, defer_messages);
}

std::unique_ptr<LanguagePack> load_pack(const std::string& path, bool defer_messages) {
  // Read in one buffer of the file's size: a stream's buffer doubling to it, then copied out,
  // leaves blocks of five sizes behind in the heap at every start.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error(path + ": cannot open language pack");
  std::string text;
  std::streamoff size = in.tellg();
  if (size > 0) text.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  if (size < 0 || !in.read(text.data(), static_cast<std::streamsize>(text.size())))
    throw std::runtime_error(path + ": cannot read language pack");
  return parse_pack(text, path, defer_messages);
}

void MessageCatalog::set(Map parsed) {
  std::call_once(once_, [&] { map_ = std::move(parsed); });
}

void MessageCatalog::defer(std::string toml_text, std::string path) {
  text_ = std::move(toml_text);
  path_ = std::move(path);
}

const MessageCatalog::Map& MessageCatalog::map() const {
  std::call_once(once_, [this] {
    try {
      map_ = PackReader(path_).read_messages_only(text_);
    } catch (const std::runtime_error& e) {
      error_ = e.what();
    }
  });
  return map_;
}

const std::string& MessageCatalog::error() const {
  map();
  return error_;
}

const std::vector<std::string>& LanguagePack::spellings(Concept c) const {
  static const std::vector<std::string> none;
  if (is_reserved(c)) return keywords[static_cast<int>(c)];
  auto it = soft_keywords.find(c);
  return it == soft_keywords.end() ? none : it->second;
}

const std::string* LanguagePack::builtin(std::string_view localized) const {
  auto it = builtins.find(localized);
  return it == builtins.end() ? nullptr : &it->second;
}

// A pack whose messages do not load still reports errors (in English); say why, once per process.
static void warn_once(const std::string& error) {
  static std::once_flag said;
  std::call_once(said, [&] { std::fprintf(stderr, "multilingual: %s (messages shown in English)\n", error.c_str()); });
}

std::string fill_template(std::string_view t, const std::map<std::string, std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c) {
      out += c;
      ++i;
    } else if (c == '{') {
      std::size_t close = t.find('}', i);
      if (close == std::string::npos) {
        out += t.substr(i);
        break;
      }
      std::string name(t.substr(i + 1, close - i - 1));
      auto it = args.find(name);
      if (it != args.end()) out += it->second;
      else out += t.substr(i, close - i + 1);  // unknown placeholder stays visible
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

std::string LanguagePack::message(std::string_view id, const std::map<std::string, std::string>& args) const {
  const std::string* tmpl = nullptr;
  for (const LanguagePack* p = this; p && !tmpl; p = p->fallback) {
    const MessageCatalog::Map& messages = p->messages();
    if (!p->catalog.error().empty()) warn_once(p->catalog.error());
    auto it = messages.find(id);
    if (it != messages.end()) tmpl = &it->second;
    if (p->fallback == p) break;
  }
  if (!tmpl) return std::string(id);
  return fill_template(*tmpl, args);
}

}  // namespace ml
