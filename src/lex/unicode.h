// The Unicode questions the lexer asks: identifier characters, digit values of any script,
// NFC normalization.
#pragma once
#include <string>

namespace ml {

bool is_ident_start(char32_t cp);     // letters (L*, Nl), '_'
bool is_ident_continue(char32_t cp);  // start + marks (Mn, Mc), digits (Nd), connectors (Pc)
// 0-9 for a decimal digit of any script (ASCII, Devanagari, Bengali, Tamil, Arabic-Indic,
// Extended Arabic-Indic, full-width, ...), else -1.
int digit_value(char32_t cp);
std::string nfc(const std::string& s);
void append_utf8(std::string& out, char32_t cp);

}  // namespace ml
