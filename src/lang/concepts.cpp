#include "lang/concepts.h"

#include <array>

namespace ml {

namespace {
constexpr std::array<std::string_view, kConceptCount> kKeys = {
#define ML_CONCEPT_KEY(id, key) std::string_view(key),
    ML_CONCEPTS(ML_CONCEPT_KEY)
#undef ML_CONCEPT_KEY
};
}  // namespace

std::string_view concept_key(Concept c) {
  int i = static_cast<int>(c);
  return i >= 0 && i < kConceptCount ? kKeys[i] : std::string_view("?");
}

std::optional<Concept> concept_from_key(std::string_view key) {
  for (int i = 0; i < kConceptCount; ++i)
    if (kKeys[i] == key) return static_cast<Concept>(i);
  return std::nullopt;
}

}  // namespace ml
