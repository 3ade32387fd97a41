#include "wasm/binary_writer.h"

#include <cmath>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace ml::wasm {

const char* wtype_name(WType t) {
  switch (t) {
    case WType::I32: return "i32";
    case WType::I64: return "i64";
    case WType::F32: return "f32";
    case WType::F64: return "f64";
    case WType::V128: return "v128";
  }
  return "?";
}

const OpInfo& op_info(Op op) {
  static const OpInfo table[] = {
#define ML_X(e, n, p, c, i) {n, p, c, Imm::i},
      ML_WASM_OPS(ML_X)
#undef ML_X
  };
  return table[static_cast<size_t>(op)];
}

void write_uleb(std::vector<uint8_t>& out, uint64_t v) {
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (v) b |= 0x80;
    out.push_back(b);
  } while (v);
}

void write_sleb(std::vector<uint8_t>& out, int64_t v) {
  for (;;) {
    uint8_t b = v & 0x7f;
    v >>= 7;  // arithmetic shift
    bool done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
    if (!done) b |= 0x80;
    out.push_back(b);
    if (done) break;
  }
}

namespace {

void write_name(std::vector<uint8_t>& out, const std::string& s) {
  write_uleb(out, s.size());
  out.insert(out.end(), s.begin(), s.end());
}

void write_section(std::vector<uint8_t>& out, uint8_t id, const std::vector<uint8_t>& body) {
  out.push_back(id);
  write_uleb(out, body.size());
  out.insert(out.end(), body.begin(), body.end());
}

void write_f64(std::vector<uint8_t>& out, double d) {
  uint8_t b[8];
  std::memcpy(b, &d, 8);
  out.insert(out.end(), b, b + 8);
}

}  // namespace

uint32_t Function::add_local(WType t, std::string name) {
  locals.push_back(t);
  local_names.push_back(std::move(name));
  return static_cast<uint32_t>(locals.size() - 1);
}

uint32_t ModuleBuilder::add_type(const Sig& s) {
  for (size_t i = 0; i < types_.size(); ++i)
    if (types_[i] == s) return static_cast<uint32_t>(i);
  types_.push_back(s);
  return static_cast<uint32_t>(types_.size() - 1);
}

uint32_t ModuleBuilder::import_function(std::string module, std::string name, const Sig& s) {
  for (size_t i = 0; i < funcs_.size(); ++i)
    if (funcs_[i].imported && funcs_[i].imp.module == module && funcs_[i].imp.name == name) {
      if (!(types_[funcs_[i].fn.type] == s))
        throw std::logic_error("import " + module + "." + name + " declared with two signatures");
      return static_cast<uint32_t>(i);
    }
  FuncEntry e;
  e.imported = true;
  e.imp = {std::move(module), std::move(name)};
  e.fn.name = e.imp.name;
  e.fn.type = add_type(s);
  funcs_.push_back(std::move(e));
  return static_cast<uint32_t>(funcs_.size() - 1);
}

uint32_t ModuleBuilder::add_function(std::string name, const Sig& s) {
  FuncEntry e;
  e.fn.name = std::move(name);
  e.fn.type = add_type(s);
  e.fn.nparams = static_cast<uint32_t>(s.params.size());
  for (WType t : s.params) e.fn.add_local(t);
  funcs_.push_back(std::move(e));
  return static_cast<uint32_t>(funcs_.size() - 1);
}

Function& ModuleBuilder::function(uint32_t handle) { return funcs_.at(handle).fn; }
const Sig& ModuleBuilder::sig_of(uint32_t handle) const { return types_.at(funcs_.at(handle).fn.type); }

void ModuleBuilder::export_function(uint32_t handle, std::string name) {
  func_exports_.emplace_back(handle, std::move(name));
}

void ModuleBuilder::import_memory(std::string module, std::string name, uint32_t min_pages) {
  has_memory_ = true;
  memory_imported_ = true;
  memory_import_ = {std::move(module), std::move(name)};
  memory_min_ = min_pages;
}

void ModuleBuilder::define_memory(uint32_t min_pages, std::string export_name) {
  has_memory_ = true;
  memory_imported_ = false;
  memory_min_ = min_pages;
  memory_export_ = std::move(export_name);
}

uint32_t ModuleBuilder::add_global(WType t, bool mut, int64_t init_i, double init_f,
                                   std::string export_name, std::string name) {
  globals_.push_back({t, mut, init_i, init_f, std::move(export_name), std::move(name)});
  return static_cast<uint32_t>(globals_.size() - 1);
}

void ModuleBuilder::add_data(uint32_t offset, std::string bytes) { data_.emplace_back(offset, std::move(bytes)); }
void ModuleBuilder::add_custom_section(std::string name, std::string bytes) {
  custom_.emplace_back(std::move(name), std::move(bytes));
}

std::vector<uint32_t> ModuleBuilder::final_indices() const {
  std::vector<uint32_t> idx(funcs_.size());
  uint32_t n = 0;
  for (size_t i = 0; i < funcs_.size(); ++i)
    if (funcs_[i].imported) idx[i] = n++;
  for (size_t i = 0; i < funcs_.size(); ++i)
    if (!funcs_[i].imported) idx[i] = n++;
  return idx;
}

static void encode_instr(std::vector<uint8_t>& out, const Instr& in, const std::vector<uint32_t>& fidx) {
  const OpInfo& oi = op_info(in.op);
  if (oi.prefix) {
    out.push_back(oi.prefix);
    write_uleb(out, oi.code);
  } else {
    out.push_back(static_cast<uint8_t>(oi.code));
  }
  switch (oi.imm) {
    case Imm::None: break;
    case Imm::Block: out.push_back(static_cast<uint8_t>(in.i)); break;
    case Imm::Label:
    case Imm::Local:
    case Imm::Global: write_uleb(out, static_cast<uint64_t>(in.i)); break;
    case Imm::Func: write_uleb(out, fidx.at(static_cast<size_t>(in.i))); break;
    case Imm::Mem:
      write_uleb(out, in.align);
      write_uleb(out, in.offset);
      break;
    case Imm::I32: write_sleb(out, static_cast<int32_t>(in.i)); break;
    case Imm::I64: write_sleb(out, in.i); break;
    case Imm::F64: write_f64(out, in.f); break;
    case Imm::Lane: out.push_back(static_cast<uint8_t>(in.i)); break;
    case Imm::MemIdx: out.push_back(0); break;
    case Imm::MemIdx2: out.push_back(0); out.push_back(0); break;
  }
}

std::vector<uint8_t> ModuleBuilder::encode() const {
  std::vector<uint8_t> out = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  std::vector<uint32_t> fidx = final_indices();
  std::vector<uint8_t> s;

  // 1: types
  write_uleb(s, types_.size());
  for (const Sig& t : types_) {
    s.push_back(0x60);
    write_uleb(s, t.params.size());
    for (WType p : t.params) s.push_back(static_cast<uint8_t>(p));
    write_uleb(s, t.results.size());
    for (WType r : t.results) s.push_back(static_cast<uint8_t>(r));
  }
  write_section(out, 1, s);

  // 2: imports
  s.clear();
  size_t nimports = memory_imported_ ? 1 : 0;
  for (const auto& f : funcs_) nimports += f.imported;
  if (nimports) {
    write_uleb(s, nimports);
    for (const auto& f : funcs_) {
      if (!f.imported) continue;
      write_name(s, f.imp.module);
      write_name(s, f.imp.name);
      s.push_back(0x00);
      write_uleb(s, f.fn.type);
    }
    if (memory_imported_) {
      write_name(s, memory_import_.module);
      write_name(s, memory_import_.name);
      s.push_back(0x02);
      s.push_back(0x00);  // limits: min only
      write_uleb(s, memory_min_);
    }
    write_section(out, 2, s);
  }

  // 3: function declarations
  s.clear();
  size_t ndef = 0;
  for (const auto& f : funcs_) ndef += !f.imported;
  write_uleb(s, ndef);
  for (const auto& f : funcs_)
    if (!f.imported) write_uleb(s, f.fn.type);
  write_section(out, 3, s);

  // 5: memory
  if (has_memory_ && !memory_imported_) {
    s.clear();
    write_uleb(s, 1);
    s.push_back(0x00);
    write_uleb(s, memory_min_);
    write_section(out, 5, s);
  }

  // 6: globals
  if (!globals_.empty()) {
    s.clear();
    write_uleb(s, globals_.size());
    for (const Global& g : globals_) {
      s.push_back(static_cast<uint8_t>(g.t));
      s.push_back(g.mut ? 1 : 0);
      switch (g.t) {
        case WType::I32: s.push_back(0x41); write_sleb(s, static_cast<int32_t>(g.i)); break;
        case WType::I64: s.push_back(0x42); write_sleb(s, g.i); break;
        case WType::F64: s.push_back(0x44); write_f64(s, g.f); break;
        default: throw std::logic_error("unsupported global type");
      }
      s.push_back(0x0b);
    }
    write_section(out, 6, s);
  }

  // 7: exports
  s.clear();
  size_t nexp = func_exports_.size();
  if (has_memory_ && !memory_imported_ && !memory_export_.empty()) ++nexp;
  for (const Global& g : globals_) nexp += !g.export_name.empty();
  if (nexp) {
    write_uleb(s, nexp);
    for (const auto& [h, name] : func_exports_) {
      write_name(s, name);
      s.push_back(0x00);
      write_uleb(s, fidx.at(h));
    }
    if (has_memory_ && !memory_imported_ && !memory_export_.empty()) {
      write_name(s, memory_export_);
      s.push_back(0x02);
      write_uleb(s, 0);
    }
    for (size_t i = 0; i < globals_.size(); ++i) {
      if (globals_[i].export_name.empty()) continue;
      write_name(s, globals_[i].export_name);
      s.push_back(0x03);
      write_uleb(s, i);
    }
    write_section(out, 7, s);
  }

  // 10: code
  s.clear();
  write_uleb(s, ndef);
  for (const auto& f : funcs_) {
    if (f.imported) continue;
    std::vector<uint8_t> body;
    // locals, run-length grouped
    std::vector<std::pair<uint32_t, WType>> groups;
    for (size_t i = f.fn.nparams; i < f.fn.locals.size(); ++i) {
      if (!groups.empty() && groups.back().second == f.fn.locals[i]) ++groups.back().first;
      else groups.push_back({1, f.fn.locals[i]});
    }
    write_uleb(body, groups.size());
    for (auto [n, t] : groups) {
      write_uleb(body, n);
      body.push_back(static_cast<uint8_t>(t));
    }
    for (const Instr& in : f.fn.code) encode_instr(body, in, fidx);
    body.push_back(0x0b);
    write_uleb(s, body.size());
    s.insert(s.end(), body.begin(), body.end());
  }
  write_section(out, 10, s);

  // 11: data (active segments in memory 0)
  if (!data_.empty()) {
    s.clear();
    write_uleb(s, data_.size());
    for (const auto& [off, bytes] : data_) {
      s.push_back(0x00);
      s.push_back(0x41);
      write_sleb(s, static_cast<int32_t>(off));
      s.push_back(0x0b);
      write_uleb(s, bytes.size());
      s.insert(s.end(), bytes.begin(), bytes.end());
    }
    write_section(out, 11, s);
  }
  // 0: custom sections
  for (const auto& [name, bytes] : custom_) {
    s.clear();
    write_name(s, name);
    s.insert(s.end(), bytes.begin(), bytes.end());
    write_section(out, 0, s);
  }
  return out;
}

}  // namespace ml::wasm
