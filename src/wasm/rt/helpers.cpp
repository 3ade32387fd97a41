#include "wasm/rt/helpers.h"

#include <unordered_map>

namespace ml::wasm::gen {

void err_dyn(Gen& G, Function& f, RtError code, uint32_t line_local) {
  f.i32(static_cast<int32_t>(code));
  f.op(Op::GlobalSet, G.g_err);
  f.get(line_local);
  f.op(Op::GlobalSet, G.g_line);
  f.op(Op::Unreachable);
}

void if_err_dyn(Gen& G, Function& f, RtError code, uint32_t line_local) {
  f.block(Op::If);
  err_dyn(G, f, code, line_local);
  f.op(Op::End);
}

namespace {

const RtHelper& find_helper(const std::string& name) {
  static const std::unordered_map<std::string, const RtHelper*> all = [] {
    std::unordered_map<std::string, const RtHelper*> m;
    for (auto family : {lists_helpers(), arith_helpers(), str_core_helpers(), str_convert_helpers(),
                        str_methods_helpers(), sort_helpers(), slices_helpers()})
      for (const RtHelper& h : family) m.emplace(h.name, &h);
    return m;
  }();
  auto it = all.find(name);
  if (it == all.end()) throw std::logic_error("no runtime helper named " + name);
  return *it->second;
}

}  // namespace

uint32_t Gen::helper(const std::string& name) {
  auto it = helpers.find(name);
  if (it != helpers.end()) return it->second;
  const RtHelper& rt = find_helper(name);
  uint32_t h = mb.add_function(name, rt.sig);
  helpers[name] = h;
  Function& f = mb.function(h);
  Emit e(*this, &f);
  rt.emit(*this, f, e, name);
  return h;
}

}  // namespace ml::wasm::gen
