// Reads what a WebAssembly module declares (imports, exports and their signatures) straight
// from the binary, so the engine can check call signatures and supply memory before V8 runs.
#include <fmt/format.h>

#include "engine/engine.h"

namespace ml::engine {

std::string_view to_string(ValType t) {
  switch (t) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
  }
  return "?";
}

bool Val::operator==(const Val& o) const {
  if (type != o.type) return false;
  switch (type) {
    case ValType::I32: return i32 == o.i32;
    case ValType::I64: return i64 == o.i64;
    case ValType::F32: return f32 == o.f32;
    case ValType::F64: return f64 == o.f64;
  }
  return false;
}

std::string to_string(const Val& v) {
  switch (v.type) {
    case ValType::I32: return fmt::format("i32:{}", v.i32);
    case ValType::I64: return fmt::format("i64:{}", v.i64);
    case ValType::F32: return fmt::format("f32:{}", v.f32);
    case ValType::F64: return fmt::format("f64:{}", v.f64);
  }
  return "?";
}

std::string to_string(const FuncType& t) {
  std::string s = "(";
  for (size_t i = 0; i < t.params.size(); ++i) {
    if (i) s += ", ";
    s += to_string(t.params[i]);
  }
  s += ") -> ";
  if (t.results.empty()) return s + "()";
  if (t.results.size() == 1) return s + std::string(to_string(t.results[0]));
  s += "(";
  for (size_t i = 0; i < t.results.size(); ++i) {
    if (i) s += ", ";
    s += to_string(t.results[i]);
  }
  return s + ")";
}

std::string_view to_string(ErrorKind k) {
  switch (k) {
    case ErrorKind::Unavailable: return "unavailable";
    case ErrorKind::Compile: return "compile";
    case ErrorKind::Link: return "link";
    case ErrorKind::MissingExport: return "missing export";
    case ErrorKind::Signature: return "signature";
    case ErrorKind::Trap: return "trap";
    case ErrorKind::Memory: return "memory";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Interrupted: return "interrupted";
    case ErrorKind::Host: return "host function";
  }
  return "?";
}

std::string_view to_string(TrapKind k) {
  switch (k) {
    case TrapKind::None: return "none";
    case TrapKind::Unreachable: return "unreachable";
    case TrapKind::OutOfBounds: return "out of bounds";
    case TrapKind::DivByZero: return "division by zero";
    case TrapKind::IntegerOverflow: return "integer overflow";
    case TrapKind::InvalidConversion: return "invalid conversion to integer";
    case TrapKind::StackOverflow: return "stack overflow";
    case TrapKind::IndirectCall: return "bad indirect call";
    case TrapKind::Other: return "other";
  }
  return "?";
}

// The kind of trap a WebAssembly engine's message describes (V8's wording, which browsers
// running V8 share).
TrapKind classify_trap(const std::string& m) {
  auto has = [&](const char* s) { return m.find(s) != std::string::npos; };
  if (has("Maximum call stack size exceeded")) return TrapKind::StackOverflow;
  if (has("unreachable")) return TrapKind::Unreachable;
  if (has("memory access out of bounds") || has("data segment") || has("out of bounds memory"))
    return TrapKind::OutOfBounds;
  if (has("divide by zero") || has("remainder by zero")) return TrapKind::DivByZero;
  if (has("divide result unrepresentable")) return TrapKind::IntegerOverflow;
  if (has("float unrepresentable") || has("unrepresentable in integer")) return TrapKind::InvalidConversion;
  if (has("table index") || has("null function") || has("signature mismatch")) return TrapKind::IndirectCall;
  return TrapKind::Other;
}

const ExportInfo* ModuleInfo::find_export(std::string_view name) const {
  for (auto& e : exports)
    if (e.name == name) return &e;
  return nullptr;
}

namespace {

struct Reader {
  std::span<const uint8_t> b;
  size_t pos = 0;
  size_t end;
  explicit Reader(std::span<const uint8_t> bytes) : b(bytes), end(bytes.size()) {}

  [[noreturn]] void fail(std::string_view what) const {
    throw WasmError(ErrorKind::Compile,
                    fmt::format("invalid WebAssembly module: {} at byte offset {}", what, pos));
  }
  uint8_t byte() {
    if (pos >= end) fail("unexpected end of data (truncated module?)");
    return b[pos++];
  }
  uint64_t uleb(unsigned max_bits = 32) {
    uint64_t result = 0;
    unsigned shift = 0;
    for (;;) {
      uint8_t c = byte();
      if (shift >= max_bits) fail("LEB128 number too long");
      result |= uint64_t(c & 0x7f) << shift;
      shift += 7;
      if (!(c & 0x80)) break;
    }
    return result;
  }
  void skip(size_t n) {
    if (n > end - pos) fail("section or item runs past the end of the data");
    pos += n;
  }
  std::string name() {
    uint64_t n = uleb();
    size_t start = pos;
    skip(n);
    return std::string(reinterpret_cast<const char*>(b.data() + start), n);
  }
  ValType valtype() {
    uint8_t t = byte();
    switch (t) {
      case 0x7f: return ValType::I32;
      case 0x7e: return ValType::I64;
      case 0x7d: return ValType::F32;
      case 0x7c: return ValType::F64;
      default: fail(fmt::format("unsupported value type 0x{:02x} in a signature", t));
    }
  }
  void limits(uint32_t& min, uint32_t& max, bool& has_max, bool* shared = nullptr) {
    uint8_t flags = byte();
    min = uint32_t(uleb());
    has_max = flags & 1;
    if (shared) *shared = flags & 2;
    max = has_max ? uint32_t(uleb()) : 0;
  }
};

}  // namespace

ModuleInfo parse_module_info(std::span<const uint8_t> bytes) {
  Reader r(bytes);
  if (bytes.size() < 8) r.fail("too short for a WebAssembly header (need 8 bytes)");
  static const uint8_t magic[8] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  for (int i = 0; i < 4; ++i)
    if (bytes[i] != magic[i]) r.fail("bad magic number (not a .wasm file)");
  for (int i = 4; i < 8; ++i)
    if (bytes[i] != magic[i]) r.fail("unsupported WebAssembly version");
  r.pos = 8;
  ModuleInfo info;
  std::vector<FuncType> types;
  std::vector<uint32_t> func_types;  // type index per function (imports first)
  std::vector<std::pair<std::string, std::pair<uint8_t, uint32_t>>> raw_exports;
  while (r.pos < bytes.size()) {
    uint8_t id = r.byte();
    uint64_t size = r.uleb();
    if (size > bytes.size() - r.pos) r.fail(fmt::format("section {} runs past the end (truncated module?)", id));
    size_t section_end = r.pos + size;
    Reader s(bytes);
    s.pos = r.pos;
    s.end = section_end;
    switch (id) {
      case 1: {  // types
        uint64_t n = s.uleb();
        for (uint64_t i = 0; i < n; ++i) {
          if (s.byte() != 0x60) s.fail("expected a function type");
          FuncType t;
          uint64_t np = s.uleb();
          for (uint64_t j = 0; j < np; ++j) t.params.push_back(s.valtype());
          uint64_t nr = s.uleb();
          for (uint64_t j = 0; j < nr; ++j) t.results.push_back(s.valtype());
          types.push_back(std::move(t));
        }
        break;
      }
      case 2: {  // imports
        uint64_t n = s.uleb();
        for (uint64_t i = 0; i < n; ++i) {
          ImportInfo im;
          im.module = s.name();
          im.name = s.name();
          uint8_t kind = s.byte();
          switch (kind) {
            case 0: {
              uint32_t ti = uint32_t(s.uleb());
              if (ti >= types.size()) s.fail("import refers to an unknown type");
              im.kind = ExportInfo::Function;
              im.type = types[ti];
              func_types.push_back(ti);
              break;
            }
            case 1: {
              im.kind = ExportInfo::Table;
              s.byte();
              uint32_t a, b;
              bool h;
              s.limits(a, b, h);
              break;
            }
            case 2:
              im.kind = ExportInfo::Memory;
              s.limits(im.mem_min, im.mem_max, im.has_max, &im.shared);
              break;
            case 3:
              im.kind = ExportInfo::Global;
              s.byte();
              s.byte();
              break;
            default: s.fail("unknown import kind");
          }
          info.imports.push_back(std::move(im));
        }
        break;
      }
      case 3: {  // functions
        uint64_t n = s.uleb();
        for (uint64_t i = 0; i < n; ++i) {
          uint32_t ti = uint32_t(s.uleb());
          if (ti >= types.size()) s.fail("function refers to an unknown type");
          func_types.push_back(ti);
        }
        break;
      }
      case 7: {  // exports
        uint64_t n = s.uleb();
        for (uint64_t i = 0; i < n; ++i) {
          std::string nm = s.name();
          uint8_t kind = s.byte();
          uint32_t idx = uint32_t(s.uleb());
          if (kind > 3) s.fail("unknown export kind");
          raw_exports.push_back({std::move(nm), {kind, idx}});
        }
        break;
      }
      default:
        if (id > 12 && id != 0) r.fail(fmt::format("unknown section id {}", id));
        break;
    }
    r.pos = section_end;
  }
  for (auto& [nm, ki] : raw_exports) {
    ExportInfo e;
    e.name = nm;
    static const ExportInfo::Kind kinds[4] = {ExportInfo::Function, ExportInfo::Table, ExportInfo::Memory,
                                              ExportInfo::Global};
    e.kind = kinds[ki.first];
    if (e.kind == ExportInfo::Function) {
      if (ki.second >= func_types.size()) r.fail(fmt::format("export '{}' refers to an unknown function", nm));
      e.type = types[func_types[ki.second]];
    }
    info.exports.push_back(std::move(e));
  }
  return info;
}

}  // namespace ml::engine
