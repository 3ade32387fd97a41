// Small UTF-8 helpers: decoding with validation, encoding, NFC, Unicode identifier classes,
// decimal digits of any script.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ml::utf8 {

// One decoded code point. `len` is the number of bytes consumed (1-4). On invalid input
// (bad lead byte, truncated or bad continuation, overlong form, surrogate, > U+10FFFF)
// `ok` is false, `cp` is U+FFFD and `len` is 1, so a caller can report the byte at `pos`.
struct Decoded {
  char32_t cp = 0;
  int len = 0;
  bool ok = false;
};
Decoded decode(std::string_view s, std::size_t pos);

// At a position where decode() fails: how many bytes form the "maximal subpart of an
// ill-formed subsequence" (Unicode 3.9, what CPython's decoder replaces by one U+FFFD): the
// lead byte and the continuation bytes that could still have been part of a valid sequence
// (b"\xe2\x82" is one unit; b"\xed\xa0\x80", a surrogate, is three). At least 1.
std::size_t invalid_length(std::string_view s, std::size_t pos);

// Byte offset of the first invalid sequence, or std::string_view::npos if `s` is valid UTF-8.
std::size_t find_invalid(std::string_view s);
bool is_valid(std::string_view s);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates or values above U+10FFFF).
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// NFC normalization. Throws std::invalid_argument on invalid UTF-8.
std::string nfc(std::string_view s);

// Identifier characters in the spirit of Unicode XID: start = letters (Lu Ll Lt Lm Lo),
// letter numbers (Nl) and '_'; continue = start plus non-spacing and spacing combining
// marks (Mn Mc: the vowel signs and viramas of Devanagari, Bengali, Tamil; Arabic harakat),
// decimal digits (Nd) and connector punctuation (Pc).
bool is_identifier_start(char32_t cp);
bool is_identifier_continue(char32_t cp);
// True if the whole string is one identifier (non-empty, valid UTF-8).
bool is_identifier(std::string_view s);

// The value 0-9 of a decimal digit of any script (category Nd: ASCII, Arabic-Indic,
// Extended Arabic-Indic, Devanagari, Bengali, Tamil, full-width, ...), else -1.
int digit_value(char32_t cp);

// Number of code points (invalid bytes count as one each).
std::size_t length(std::string_view s);

// Columns a code point takes on a terminal: 0 for combining marks (Hindi vowel signs), 2 for
// wide characters (Chinese, Japanese, full-width forms), else 1.
int display_width(char32_t cp);

// Characters that must not reach a terminal raw when a program's text is echoed in a
// message: C0/C1 controls and DEL (but tab and newline), and the bidirectional controls
// that reorder what follows (U+202A-202E, U+2066-2069, U+200E-200F, U+061C).
bool is_unsafe_to_echo(char32_t cp);
// `s` with each such character written as an escape (\x1b, \u202e); invalid bytes as \xNN.
std::string escape_for_terminal(std::string_view s);
// The escape escape_for_terminal writes for one code point ("" when it is safe to echo).
std::string escape_of(char32_t cp);

}  // namespace ml::utf8
