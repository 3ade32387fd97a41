// The lexer. One pass over validated UTF-8, producing Python-style tokens with
// INDENT/DEDENT/NEWLINE, and keywords resolved through the language pack.
#include "lex/lexer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "support/utf8.h"

namespace ml {

const char* tok_kind_name(Tok k) {
  switch (k) {
    case Tok::Name: return "name";
    case Tok::Keyword: return "keyword";
    case Tok::Int: return "integer";
    case Tok::Float: return "float";
    case Tok::Str: return "string";
    case Tok::Op: return "operator";
    case Tok::Newline: return "newline";
    case Tok::Indent: return "indent";
    case Tok::Dedent: return "dedent";
    case Tok::End: return "end of file";
  }
  return "?";
}

// ---- keyword table ---------------------------------------------------------------------

static std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

KeywordTable::KeywordTable(const LanguagePack& pack) {
  for (int c = 0; c < kConceptCount; ++c) {
    for (const auto& spelling : pack.keywords[c]) {
      auto words = split_words(utf8::nfc(spelling));
      if (words.empty()) continue;
      by_first_[words[0]].push_back(Entry{words, static_cast<Concept>(c)});
    }
  }
  for (auto& [w, v] : by_first_)
    std::stable_sort(v.begin(), v.end(),
                     [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

const std::vector<KeywordTable::Entry>* KeywordTable::candidates(const std::string& word) const {
  auto it = by_first_.find(word);
  return it == by_first_.end() ? nullptr : &it->second;
}

// ---- UTF-8 validation -------------------------------------------------------------------

void validate_utf8(const std::shared_ptr<const SourceFile>& src) {
  const std::string& t = src->text;
  size_t i = 0;
  int line = 1, col = 1;
  while (i < t.size()) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(t.data() + i),
                              static_cast<utf8proc_ssize_t>(t.size() - i), &cp);
    if (n < 0) {
      char hex[8];
      snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(t[i]));
      throw CompileError("UnicodeDecodeError", "syntax.invalid_utf8", {{"byte", hex}}, Loc{line, col}, src);
    }
    if (cp == '\n') line++, col = 1;
    else col++;
    i += static_cast<size_t>(n);
  }
}

// ---- escapes ------------------------------------------------------------------------------

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool decode_escapes(const std::string& s, bool bytes, std::string& out, size_t& bad) {
  out.clear();
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    char e = s[++i];
    switch (e) {
      case '\n': break;  // line continuation inside a string
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        if (i + 2 >= s.size() || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) {
          bad = i - 1;
          return false;
        }
        int v = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
        i += 2;
        if (bytes) out += static_cast<char>(v);
        else utf8::append(out, static_cast<char32_t>(v));
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) {
          out += '\\';
          out += e;
          break;
        }
        size_t n = e == 'u' ? 4 : 8;
        if (i + n >= s.size()) {
          bad = i - 1;
          return false;
        }
        uint32_t v = 0;
        for (size_t k = 1; k <= n; ++k) {
          int h = hexval(s[i + k]);
          if (h < 0) {
            bad = i - 1;
            return false;
          }
          v = v * 16 + static_cast<uint32_t>(h);
        }
        if (v > 0x10FFFF) {
          bad = i - 1;
          return false;
        }
        i += n;
        utf8::append(out, static_cast<char32_t>(v));
        break;
      }
      case 'N':
        if (!bytes) {  // \N{NAME}: names are not supported; an error beats a silent wrong string
          bad = i - 1;
          return false;
        }
        out += '\\';
        out += e;
        break;
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
            v = v * 8 + (s[++i] - '0');
          if (bytes) out += static_cast<char>(v & 0xFF);
          else utf8::append(out, static_cast<char32_t>(v));
        } else {
          out += '\\';  // unknown escapes stay as written, like Python
          out += e;
        }
    }
  }
  return true;
}

// ---- the lexer ----------------------------------------------------------------------------

namespace {

class Lexer {
 public:
  Lexer(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, std::optional<UnclosedBracket>* unclosed)
      : src_(std::move(src)), t_(src_->text), kw_(pack), unclosed_(unclosed) {}

  std::vector<Token> run() {
    indents_.push_back(0);
    bool at_line_start = true;
    while (true) {
      if (at_line_start && open_.empty()) {
        if (!handle_indentation()) break;  // EOF
        at_line_start = false;
        continue;
      }
      skip_spaces();
      if (eof()) break;
      char c = t_[i_];
      if (c == '#') {
        while (!eof() && t_[i_] != '\n') advance_byte();
        continue;
      }
      if (c == '\\' && i_ + 1 < t_.size() && (t_[i_ + 1] == '\n' || t_[i_ + 1] == '\r')) {
        advance_byte();
        if (t_[i_] == '\r') advance_byte();
        if (!eof() && t_[i_] == '\n') newline();
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r') {
          advance_byte();
          if (!eof() && t_[i_] == '\n') {
            // fallthrough to handle \n
          } else {
            line_++, col_ = 1;
            goto line_end;
          }
        }
        newline();
      line_end:
        if (open_.empty()) {
          if (!toks_.empty() && toks_.back().kind != Tok::Newline) push_simple(Tok::Newline, "\n", last_loc_);
          at_line_start = true;
        }
        continue;
      }
      lex_token();
    }
    if (!open_.empty()) {
      if (!unclosed_) fail("SyntaxError", "syntax.never_closed", {{"bracket", open_.back().text}}, open_.back().loc);
      *unclosed_ = UnclosedBracket{open_.back().text, open_.back().loc};
    }
    Loc end_loc{line_, col_};
    if (!toks_.empty() && toks_.back().kind != Tok::Newline) push_simple(Tok::Newline, "\n", end_loc);
    while (indents_.size() > 1) {
      indents_.pop_back();
      push_simple(Tok::Dedent, "", end_loc);
    }
    push_simple(Tok::End, "", end_loc);
    return std::move(toks_);
  }

 private:
  std::shared_ptr<const SourceFile> src_;
  const std::string& t_;
  KeywordTable kw_;
  std::optional<UnclosedBracket>* unclosed_;  // where to leave a bracket open at the end, or null
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
  // The open brackets (newlines inside them are not tokens), as written ("(" or a full-width
  // "（") and where: a closing bracket of the wrong kind, one too many, or the end of the file
  // inside brackets is reported at the bracket as CPython's tokenizer does, not as a puzzling
  // error at the end of the file.
  struct Open {
    std::string text;
    char kind;
    Loc loc;
  };
  std::vector<Open> open_;
  // Like CPython's tokenizer: deeper bracket nesting is a located SyntaxError, never a stack
  // overflow in the parser or the passes after it.
  static constexpr size_t kMaxBrackets = 200;
  void open_bracket(char kind, std::string text, Loc loc) {
    if (open_.size() >= kMaxBrackets) fail("SyntaxError", "syntax.too_many_parens", {}, loc);
    open_.push_back({std::move(text), kind, loc});
  }
  void close_bracket(char kind, const std::string& text, Loc loc) {
    if (open_.empty()) fail("SyntaxError", "syntax.unmatched_bracket", {{"bracket", text}}, loc);
    const Open& o = open_.back();
    char want = o.kind == '(' ? ')' : o.kind == '[' ? ']' : '}';
    if (kind != want) {
      if (o.loc.line != loc.line)
        fail("SyntaxError", "syntax.mismatched_bracket_line",
             {{"closing", text}, {"opening", o.text}, {"line", std::to_string(o.loc.line)}}, loc);
      fail("SyntaxError", "syntax.mismatched_bracket", {{"closing", text}, {"opening", o.text}}, loc);
    }
    open_.pop_back();
  }
  std::vector<int> indents_;
  std::vector<int> alt_indents_{0};  // the same levels with tabs as one column
  std::vector<Token> toks_;
  Loc last_loc_;

  [[noreturn]] void fail(const char* kind, const char* id, std::map<std::string, std::string> args, Loc loc) {
    throw CompileError(kind, id, std::move(args), loc, src_);
  }

  bool eof() const { return i_ >= t_.size(); }
  Loc here() const { return Loc{line_, col_}; }

  void advance_byte() {
    // Advance one code point, keeping the column in code points.
    unsigned char c = static_cast<unsigned char>(t_[i_]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    i_ += n;
    col_++;
  }
  void newline() {
    i_++;
    line_++;
    col_ = 1;
  }
  char32_t peek_cp(size_t at, size_t* len) const {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(t_.data() + at),
                              static_cast<utf8proc_ssize_t>(t_.size() - at), &cp);
    *len = n > 0 ? static_cast<size_t>(n) : 1;
    return static_cast<char32_t>(cp < 0 ? 0xFFFD : cp);
  }

  void skip_spaces() {
    while (!eof()) {
      char c = t_[i_];
      if (c == ' ' || c == '\t' || c == '\f') {
        advance_byte();
        continue;
      }
      size_t len;
      char32_t cp = peek_cp(i_, &len);
      if (cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF) {  // ideographic / no-break space, BOM
        i_ += len;
        col_++;
        continue;
      }
      break;
    }
  }

  void push_simple(Tok k, std::string text, Loc loc) {
    Token tk;
    tk.begin = tk.end = i_;
    tk.kind = k;
    tk.text = std::move(text);
    tk.loc = loc;
    toks_.push_back(std::move(tk));
  }

  // Measures the indentation of the next non-blank line and emits INDENT/DEDENT.
  // Returns false at end of file.
  bool handle_indentation() {
    while (true) {
      int width = 0, alt = 0;  // alt: tabs counted as one column (CPython's TabError check)
      while (!eof()) {
        char c = t_[i_];
        if (c == ' ') width++, alt++;
        else if (c == '\t') width = (width / 8 + 1) * 8, alt++;
        else if (c == '\f') width = 0, alt = 0;
        else {
          size_t len;
          char32_t cp = peek_cp(i_, &len);
          if (cp == 0xFEFF) {
            i_ += len;
            continue;
          }
          break;
        }
        advance_byte();
      }
      if (eof()) return false;
      char c = t_[i_];
      if (c == '#') {
        while (!eof() && t_[i_] != '\n') advance_byte();
        continue;
      }
      if (c == '\r') {
        advance_byte();
        if (!eof() && t_[i_] == '\n') newline();
        else line_++, col_ = 1;
        continue;
      }
      if (c == '\n') {
        newline();
        continue;
      }
      Loc loc = here();
      // Indentation whose meaning depends on the tab width is an error (Python's TabError).
      auto inconsistent = [&] { fail("IndentationError", "syntax.mixed_tabs", {}, loc); };
      if (width > indents_.back()) {
        if (toks_.empty() || toks_.back().kind != Tok::Newline)
          fail("IndentationError", "syntax.unexpected_indent", {}, loc);
        if (alt <= alt_indents_.back()) inconsistent();
        indents_.push_back(width);
        alt_indents_.push_back(alt);
        push_simple(Tok::Indent, "", loc);
      } else {
        while (width < indents_.back()) {
          indents_.pop_back();
          alt_indents_.pop_back();
          push_simple(Tok::Dedent, "", loc);
        }
        if (width != indents_.back()) fail("IndentationError", "syntax.bad_indent", {}, loc);
        if (alt != alt_indents_.back()) inconsistent();
      }
      return true;
    }
  }

  void lex_token() {
    size_t first = toks_.size();
    size_t begin = i_;
    lex_token_at();
    for (size_t k = first; k < toks_.size(); ++k) toks_[k].begin = begin, toks_[k].end = i_;
  }

  void lex_token_at() {
    Loc loc = here();
    last_loc_ = loc;
    char c = t_[i_];
    size_t len;
    char32_t cp = peek_cp(i_, &len);

    // String prefixes: r b f u and combinations, then a quote.
    if (utf8::is_identifier_start(cp)) {
      size_t j = i_;
      while (j < t_.size() && j - i_ < 3 && std::strchr("rRbBfFuU", t_[j]) && t_[j] != 0) j++;
      if (j > i_ && j < t_.size() && (t_[j] == '"' || t_[j] == '\'')) {
        std::string prefix = t_.substr(i_, j - i_);
        if (valid_prefix(prefix)) {
          for (size_t k = i_; k < j; ++k) advance_byte();
          lex_string(prefix, loc);
          return;
        }
      }
      lex_word(loc);
      return;
    }
    if (c == '"' || c == '\'') {
      lex_string("", loc);
      return;
    }
    if (utf8::digit_value(cp) >= 0 || (c == '.' && i_ + 1 < t_.size() && digit_at(i_ + 1) >= 0)) {
      lex_number(loc);
      return;
    }
    lex_operator(loc, cp, len);
  }

  static bool valid_prefix(const std::string& p) {
    std::string l;
    for (char c : p) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* ok[] = {"r", "b", "f", "u", "rb", "br", "fr", "rf"};
    for (auto* o : ok)
      if (l == o) return true;
    return false;
  }

  int digit_at(size_t at) const {
    size_t len;
    return utf8::digit_value(peek_cp(at, &len));
  }

  void lex_word(Loc loc) {
    size_t start = i_;
    read_ident();
    std::string word = utf8::nfc(t_.substr(start, i_ - start));
    if (auto* cands = kw_.candidates(word)) {
      for (const auto& e : *cands) {
        size_t save_i = i_;
        int save_col = col_;
        bool ok = true;
        for (size_t w = 1; w < e.words.size() && ok; ++w) {
          // exactly one run of spaces on the same line, then the next word
          size_t before = i_;
          while (!eof() && (t_[i_] == ' ' || t_[i_] == '\t')) advance_byte();
          if (i_ == before) { ok = false; break; }
          size_t ws = i_;
          size_t len;
          if (eof() || !utf8::is_identifier_start(peek_cp(i_, &len))) { ok = false; break; }
          read_ident();
          if (utf8::nfc(t_.substr(ws, i_ - ws)) != e.words[w]) ok = false;
        }
        if (ok) {
          Token tk;
          tk.kind = Tok::Keyword;
          tk.kw = e.concept_;
          tk.text = t_.substr(start, i_ - start);
          tk.loc = loc;
          toks_.push_back(std::move(tk));
          return;
        }
        i_ = save_i;
        col_ = save_col;
      }
    }
    Token tk;
    tk.kind = Tok::Name;
    tk.text = std::move(word);
    tk.loc = loc;
    toks_.push_back(std::move(tk));
  }

  void read_ident() {
    size_t len;
    advance_byte();
    while (!eof()) {
      char32_t cp = peek_cp(i_, &len);
      if (!utf8::is_identifier_continue(cp)) break;
      advance_byte();
    }
  }

  void lex_string(const std::string& prefix, Loc loc) {
    bool raw = false, bytes = false, fstr = false;
    for (char c : prefix) {
      char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      raw |= l == 'r';
      bytes |= l == 'b';
      fstr |= l == 'f';
    }
    char q = t_[i_];
    bool triple = i_ + 2 < t_.size() && t_[i_ + 1] == q && t_[i_ + 2] == q;
    int qn = triple ? 3 : 1;
    for (int k = 0; k < qn; ++k) advance_byte();
    Loc body_loc = here();
    std::string body;
    while (true) {
      if (eof()) {
        // CPython names the line where it gave up: the last line of the file.
        int at = !t_.empty() && t_.back() == '\n' ? line_ - 1 : line_;
        fail("SyntaxError", triple ? "syntax.unterminated_triple" : "syntax.unterminated_string",
             {{"line", std::to_string(at)}}, loc);
      }
      char c = t_[i_];
      if (c == '\\' && i_ + 1 < t_.size()) {
        body += c;
        advance_byte();
        char n = t_[i_];
        if (n == '\n') {
          body += n;
          newline();
        } else {
          size_t s = i_;
          advance_byte();
          body += t_.substr(s, i_ - s);
        }
        continue;
      }
      if (c == '\n' && !triple) fail("SyntaxError", "syntax.unterminated_string", {{"line", std::to_string(line_)}}, loc);
      if (c == q && (!triple || (i_ + 2 < t_.size() && t_[i_ + 1] == q && t_[i_ + 2] == q))) {
        for (int k = 0; k < qn; ++k) advance_byte();
        break;
      }
      if (c == '\n') {
        body += c;
        newline();
        continue;
      }
      size_t s = i_;
      advance_byte();
      body += t_.substr(s, i_ - s);
    }
    Token tk;
    tk.kind = Tok::Str;
    tk.loc = loc;
    tk.body_loc = body_loc;
    tk.is_bytes = bytes;
    tk.is_raw = raw;
    tk.is_fstring = fstr;
    tk.text = prefix;
    if (fstr || raw) {
      tk.value = body;  // f-strings are decoded piecewise by the parser
    } else {
      size_t bad = 0;
      if (!decode_escapes(body, bytes, tk.value, bad))
        fail("SyntaxError", "syntax.invalid_escape", {{"text", body.substr(bad, 4)}}, body_loc);
    }
    toks_.push_back(std::move(tk));
  }

  // Numbers: digits of any script are read as their values; underscores between digits.
  void lex_number(Loc loc) {
    std::string ascii;  // the literal rewritten in ASCII digits
    size_t start = i_;
    auto digit_at = [&](size_t at, int base) {
      if (at >= t_.size()) return -1;
      size_t len;
      char32_t cp = peek_cp(at, &len);
      int v = utf8::digit_value(cp);
      if (v < 0 && base == 16 && cp < 128) v = hexval(static_cast<char>(cp));
      return v >= 0 && v < base ? v : -1;
    };
    // Underscores only between digits ("1_000"), or right after a base prefix ("0x_ff"):
    // "1_", "1__0" and "1_.5" are invalid literals, as in Python.
    auto take_digits = [&](int base, bool prefixed = false) {
      bool any = false;
      while (!eof()) {
        if (t_[i_] == '_') {
          if ((!any && !prefixed) || digit_at(i_ + 1, base) < 0) bad_number(start, loc);
          advance_byte();
          continue;
        }
        size_t len;
        char32_t cp = peek_cp(i_, &len);
        int v = utf8::digit_value(cp);
        if (v < 0 && base == 16) {
          int h = cp < 128 ? hexval(static_cast<char>(cp)) : -1;
          if (h >= 0) v = h;
        }
        if (v < 0 || v >= base) {
          // a digit too large for the base is an error, not the start of a name
          if (v >= base || (base == 16 ? false : (cp < 128 && std::isalnum(static_cast<int>(cp)) && cp != 'e' && cp != 'E' && cp != 'j' && cp != 'J'))) {
            if (v >= base || base != 10) bad_number(start, loc);
          }
          break;
        }
        ascii += "0123456789abcdef"[v];
        any = true;
        i_ += len;
        col_++;
      }
      return any;
    };
    int base = 10;
    if (t_[i_] == '0' && i_ + 1 < t_.size() && std::strchr("xXoObB", t_[i_ + 1]) && t_[i_ + 1]) {
      char b = static_cast<char>(std::tolower(static_cast<unsigned char>(t_[i_ + 1])));
      base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
      advance_byte();
      advance_byte();
      if (!take_digits(base, true)) bad_number(start, loc);
      finish_int(ascii, base, loc, start);
      return;
    }
    bool is_float = false;
    take_digits(10);
    if (!eof() && t_[i_] == '.' && !(i_ + 1 < t_.size() && t_[i_ + 1] == '.')) {
      is_float = true;
      ascii += '.';
      advance_byte();
      take_digits(10);
    }
    if (!eof() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      size_t save = i_;
      int save_col = col_;
      std::string save_ascii = ascii;
      ascii += 'e';
      advance_byte();
      if (!eof() && (t_[i_] == '+' || t_[i_] == '-')) {
        ascii += t_[i_];
        advance_byte();
      }
      if (take_digits(10)) {
        is_float = true;
      } else {
        i_ = save;
        col_ = save_col;
        ascii = save_ascii;
      }
    }
    bool imag = false;
    if (!eof() && (t_[i_] == 'j' || t_[i_] == 'J')) {  // imaginary literal: 2j, 1.5e3J
      imag = true;
      advance_byte();
    }
    if (!eof()) {
      size_t len;
      char32_t cp = peek_cp(i_, &len);
      if (utf8::is_identifier_start(cp)) bad_number(start, loc);
    }
    if (is_float || imag) {
      Token tk;
      tk.kind = Tok::Float;
      tk.text = t_.substr(start, i_ - start);
      tk.fval = std::strtod(ascii.c_str(), nullptr);
      tk.imag = imag;
      tk.value = ascii;
      tk.loc = loc;
      toks_.push_back(std::move(tk));
      return;
    }
    // Python forbids leading zeros in non-zero decimal ints.
    if (ascii.size() > 1 && ascii[0] == '0' && ascii.find_first_not_of('0') != std::string::npos)
      bad_number(start, loc);
    finish_int(ascii, 10, loc, start);
  }

  [[noreturn]] void bad_number(size_t start, Loc loc) {
    size_t e = i_;
    while (e < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[e])) || t_[e] == '_' ||
                             static_cast<unsigned char>(t_[e]) >= 0x80))
      e++;
    fail("SyntaxError", "syntax.invalid_number", {{"text", t_.substr(start, e - start)}}, loc);
  }

  void finish_int(const std::string& digits, int base, Loc loc, size_t start) {
    // Python refuses decimal literals longer than its int <-> str limit (4300 digits by
    // default, sys.int_info.default_max_str_digits) when it compiles them; other bases are free.
    constexpr size_t kMaxDecimalLiteralDigits = 4300;
    if (base == 10 && digits.size() > kMaxDecimalLiteralDigits)
      fail("SyntaxError", "syntax.int_literal_digits",
           {{"limit", std::to_string(kMaxDecimalLiteralDigits)}, {"digits", std::to_string(digits.size())}}, loc);
    Token tk;
    tk.kind = Tok::Int;
    tk.text = t_.substr(start, i_ - start);
    tk.loc = loc;
    // Convert to decimal text; values that fit in int64 also get ival.
    unsigned __int128 v = 0;
    bool fits = true;
    for (char c : digits) {
      v = v * static_cast<unsigned>(base) + static_cast<unsigned>(hexval(c));
      if (v > static_cast<unsigned __int128>(INT64_MAX)) {
        fits = false;
        break;
      }
    }
    tk.int_fits = fits;
    if (fits) {
      tk.ival = static_cast<long long>(v);
      tk.value = std::to_string(tk.ival);
    } else {
      tk.value = big_to_decimal(digits, base);
    }
    toks_.push_back(std::move(tk));
  }

  // Arbitrary-size base conversion: decimal text stays as it is; other bases by multiply-add
  // on base-10^9 limbs, several input digits at a time (a 50000-digit hex literal takes
  // milliseconds, not the minute a digit-by-digit decimal vector took).
  static std::string big_to_decimal(const std::string& digits, int base) {
    if (base == 10) {
      size_t nz = digits.find_first_not_of('0');
      return nz == std::string::npos ? "0" : digits.substr(nz);
    }
    const uint64_t kLimb = 1000000000;
    int group = 1;  // digits per step, so that base^group * kLimb fits in 64 bits
    uint64_t mul = static_cast<uint64_t>(base);
    while (mul * static_cast<uint64_t>(base) < (uint64_t(1) << 32)) mul *= static_cast<uint64_t>(base), group++;
    std::vector<uint32_t> limbs{0};  // little-endian, base 10^9
    for (size_t i = 0; i < digits.size();) {
      uint64_t m = 1, chunk = 0;
      for (int k = 0; k < group && i < digits.size(); ++k, ++i) {
        chunk = chunk * static_cast<uint64_t>(base) + static_cast<uint64_t>(hexval(digits[i]));
        m *= static_cast<uint64_t>(base);
      }
      uint64_t carry = chunk;
      for (uint32_t& l : limbs) {
        uint64_t x = l * m + carry;
        l = static_cast<uint32_t>(x % kLimb);
        carry = x / kLimb;
      }
      while (carry) limbs.push_back(static_cast<uint32_t>(carry % kLimb)), carry /= kLimb;
    }
    std::string out = std::to_string(limbs.back());
    for (size_t k = limbs.size() - 1; k-- > 0;) {
      std::string part = std::to_string(limbs[k]);
      out += std::string(9 - part.size(), '0') + part;
    }
    return out;
  }

  void lex_operator(Loc loc, char32_t cp, size_t len) {
    static const char* ops3[] = {"**=", "//=", ">>=", "<<=", "...", nullptr};
    static const char* ops2[] = {"**", "//", "==", "!=", "<=", ">=", "<<", ">>", "->", ":=", "+=", "-=",
                                 "*=", "/=", "%=", "&=", "|=", "^=", "@=", nullptr};
    static const char* ops1 = "+-*/%@<>=()[]{}:,.;&|^~";
    for (auto** o = ops3; *o; ++o)
      if (t_.compare(i_, 3, *o) == 0) return emit_op(*o, 3, loc);
    for (auto** o = ops2; *o; ++o)
      if (t_.compare(i_, 2, *o) == 0) return emit_op(*o, 2, loc);
    char c = t_[i_];
    if (c && std::strchr(ops1, c)) {
      char s[2] = {c, 0};
      if (c == '(' || c == '[' || c == '{') open_bracket(c, s, loc);
      if (c == ')' || c == ']' || c == '}') close_bracket(c, s, loc);
      return emit_op(s, 1, loc);
    }
    // Full-width punctuation people type with CJK input methods.
    const char* mapped = nullptr;
    switch (cp) {
      case 0xFF08: mapped = "("; break;
      case 0xFF09: mapped = ")"; break;
      case 0xFF1A: mapped = ":"; break;
      case 0xFF0C: mapped = ","; break;
      case 0x3001: mapped = ","; break;
      default: break;
    }
    if (mapped) {
      if (*mapped == '(') open_bracket('(', t_.substr(i_, len), loc);
      if (*mapped == ')') close_bracket(')', t_.substr(i_, len), loc);
      Token tk;
      tk.kind = Tok::Op;
      tk.text = mapped;
      tk.loc = loc;
      toks_.push_back(std::move(tk));
      i_ += len;
      col_++;
      return;
    }
    std::string ch = t_.substr(i_, len);
    fail("SyntaxError", "syntax.invalid_character", {{"char", ch}}, loc);
  }

  void emit_op(const char* op, size_t n, Loc loc) {
    Token tk;
    tk.kind = Tok::Op;
    tk.text = op;
    tk.loc = loc;
    toks_.push_back(std::move(tk));
    i_ += n;
    col_ += static_cast<int>(n);
  }
};

}  // namespace

std::vector<Token> tokenize(std::shared_ptr<const SourceFile> src, const LanguagePack& pack,
                            std::optional<UnclosedBracket>* unclosed) {
  validate_utf8(src);
  return Lexer(std::move(src), pack, unclosed).run();
}

}  // namespace ml
