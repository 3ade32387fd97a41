// What a fuzz input means to every target: the first byte picks the language pack (so every
// surface's keywords and word orders are explored), the rest is the program's text.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "lang/pack.h"
#include "support/source.h"

namespace ml::fuzz {

struct Input {
  const LanguagePack* pack = nullptr;
  std::shared_ptr<const SourceFile> source;
};

inline Input decode_input(const uint8_t* data, size_t size) {
  Input in;
  const auto& reg = LanguageRegistry::instance();
  const auto& codes = reg.codes();
  size_t pick = size ? data[0] : 0;
  in.pack = reg.find(codes[pick % codes.size()]);
  auto sf = std::make_shared<SourceFile>();
  sf->path = "fuzz.multi";
  if (size > 1) sf->text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  in.source = sf;
  return in;
}

}  // namespace ml::fuzz
