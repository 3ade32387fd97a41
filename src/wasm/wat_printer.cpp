// The WebAssembly text format of a module built with ModuleBuilder (for `--emit wat`):
// named functions, locals and globals, one instruction per line, indented by nesting.
#include "wasm/wat_printer.h"

#include <cmath>

#include <fmt/format.h>

namespace ml::wasm {

static std::string fmt_f64(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  return fmt::format("{}", d);
}

// ------------------------------------------------------------------------- text format

static std::string wat_string(const std::string& bytes) {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') out += static_cast<char>(c);
    else out += fmt::format("\\{:02x}", c);
  }
  return out + "\"";
}

static std::string sig_text(const Sig& s, const Function* f = nullptr) {
  std::string out;
  for (size_t i = 0; i < s.params.size(); ++i) {
    if (f && i < f->local_names.size() && !f->local_names[i].empty())
      out += fmt::format(" (param ${} {})", f->local_names[i], wtype_name(s.params[i]));
    else
      out += fmt::format(" (param {})", wtype_name(s.params[i]));
  }
  for (WType r : s.results) out += fmt::format(" (result {})", wtype_name(r));
  return out;
}

std::string ModuleBuilder::to_wat() const {
  std::vector<uint32_t> fidx = final_indices();
  std::vector<size_t> by_index(funcs_.size());
  for (size_t h = 0; h < funcs_.size(); ++h) by_index[fidx[h]] = h;
  auto fname = [&](uint32_t h) { return fmt::format("${}", funcs_.at(h).fn.name); };

  std::string out = "(module\n";
  for (size_t i = 0; i < types_.size(); ++i)
    out += fmt::format("  (type (;{};) (func{}))\n", i, sig_text(types_[i]));
  for (size_t h = 0; h < funcs_.size(); ++h) {
    const auto& f = funcs_[h];
    if (!f.imported) continue;
    out += fmt::format("  (import \"{}\" \"{}\" (func {}{}))\n", f.imp.module, f.imp.name, fname(h),
                       sig_text(types_[f.fn.type]));
  }
  if (memory_imported_)
    out += fmt::format("  (import \"{}\" \"{}\" (memory {}))\n", memory_import_.module, memory_import_.name, memory_min_);
  else if (has_memory_)
    out += fmt::format("  (memory {}{})\n", memory_min_,
                       memory_export_.empty() ? "" : fmt::format(" (export \"{}\")", memory_export_));
  for (size_t i = 0; i < globals_.size(); ++i) {
    const Global& g = globals_[i];
    std::string init = g.t == WType::F64 ? fmt::format("f64.const {}", fmt_f64(g.f))
                                         : fmt::format("{}.const {}", wtype_name(g.t), g.i);
    std::string ty = g.mut ? fmt::format("(mut {})", wtype_name(g.t)) : wtype_name(g.t);
    std::string label = g.name.empty() ? fmt::format("(;{};)", i) : "$" + g.name;
    out += fmt::format("  (global {}{} {} ({}))\n", label,
                       g.export_name.empty() ? "" : fmt::format(" (export \"{}\")", g.export_name), ty, init);
  }
  auto global_name = [&](int64_t i) {
    const Global& g = globals_.at(static_cast<size_t>(i));
    return g.name.empty() ? std::to_string(i) : "$" + g.name;
  };
  for (size_t h : by_index) {
    const FuncEntry* fe = &funcs_[h];
    if (fe->imported) continue;
    const Function& f = fe->fn;
    out += fmt::format("  (func {}", fname(static_cast<uint32_t>(h)));
    for (const auto& [eh, en] : func_exports_)
      if (eh == h) out += fmt::format(" (export \"{}\")", en);
    out += sig_text(types_[f.type], &f) + "\n";
    auto local_name = [&](int64_t i) {
      size_t k = static_cast<size_t>(i);
      return k < f.local_names.size() && !f.local_names[k].empty() ? "$" + f.local_names[k] : std::to_string(i);
    };
    for (size_t i = f.nparams; i < f.locals.size(); ++i)
      out += fmt::format("    (local {}{})\n",
                         f.local_names[i].empty() ? fmt::format("(;{};) ", i) : "$" + f.local_names[i] + " ",
                         wtype_name(f.locals[i]));
    int depth = 2;
    for (const Instr& in : f.code) {
      const OpInfo& oi = op_info(in.op);
      if (in.op == Op::End || in.op == Op::Else) --depth;
      std::string line(static_cast<size_t>(depth) * 2, ' ');
      line += oi.name;
      switch (oi.imm) {
        case Imm::None:
        case Imm::MemIdx:
        case Imm::MemIdx2: break;
        case Imm::Block:
          if (in.i != kVoidBlock) line += fmt::format(" (result {})", wtype_name(static_cast<WType>(in.i)));
          break;
        case Imm::Label:
        case Imm::Lane:
        case Imm::I32:
        case Imm::I64: line += fmt::format(" {}", in.i); break;
        case Imm::Local: line += " " + local_name(in.i); break;
        case Imm::Global: line += " " + global_name(in.i); break;
        case Imm::Func: line += " " + fname(static_cast<uint32_t>(in.i)); break;
        case Imm::F64: line += " " + fmt_f64(in.f); break;
        case Imm::Mem:
          if (in.offset) line += fmt::format(" offset={}", in.offset);
          line += fmt::format(" align={}", 1u << in.align);
          break;
      }
      out += line + "\n";
      if (in.op == Op::Block || in.op == Op::Loop || in.op == Op::If || in.op == Op::Else) ++depth;
    }
    out += "  )\n";
  }
  for (const auto& [off, bytes] : data_) out += fmt::format("  (data (i32.const {}) {})\n", off, wat_string(bytes));
  out += ")\n";
  return out;
}

std::string to_wat(const ModuleBuilder& m) { return m.to_wat(); }

}  // namespace ml::wasm
