#include "wasm/host_imports.h"

namespace ml::wasm {

std::span<const HostImport> host_imports() {
  static const HostImport table[] = {
      {"print_i64", {{WType::I64}, {}}, "print an int"},
      {"print_f64", {{WType::F64}, {}}, "print a float as Python's repr"},
      {"print_bool", {{WType::I32}, {}}, "print True or False"},
      {"print_str", {{WType::I32, WType::I32}, {}}, "print len bytes of UTF-8 at ptr"},
      {"f64_repr", {{WType::F64, WType::I32}, {WType::I32}}, "repr(x) written at buf, its length returned"},
      {"fmod", {{WType::F64, WType::F64}, {WType::F64}}, "C's fmod(a, b)"},
      {"pow", {{WType::F64, WType::F64}, {WType::F64}}, "C's pow(a, b)"},
      {"sin", {{WType::F64}, {WType::F64}}, "C's sin(x)"},
      {"cos", {{WType::F64}, {WType::F64}}, "C's cos(x)"},
      {"tan", {{WType::F64}, {WType::F64}}, "C's tan(x)"},
      {"exp", {{WType::F64}, {WType::F64}}, "C's exp(x)"},
      {"atan", {{WType::F64}, {WType::F64}}, "C's atan(x)"},
  };
  return table;
}

const HostImport* find_host_import(std::string_view name) {
  for (const HostImport& h : host_imports())
    if (h.name == name) return &h;
  return nullptr;
}

}  // namespace ml::wasm
