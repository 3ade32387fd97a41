// The WebAssembly engine of the wasm32 build: the engine interface (src/engine/engine.h) over
// the JavaScript engine the interpreter itself runs in (the browser's, or Node's). The modules
// our code generator emits during a run (src/tiering, mixed mode) are compiled and instantiated
// by `WebAssembly.Module`/`WebAssembly.Instance`, their host imports are the native host's own
// functions (compiled_program.cpp) called back through ml_web_host_call, and calls cross with
// their arguments and results in a small slot area of this module's memory.
//
// A compiled module's linear memory is a separate JavaScript buffer, not part of this module's
// memory, so memory_data() cannot point into it: it returns a copy (the mirror), read from the
// instance when first asked for after a change, and written back before the instance runs
// again (a call, a host function returning, a grow). Calls that pass only numbers never touch
// it (compiled_program.cpp reads and writes the argument area through memory_read/write).
#include <emscripten/emscripten.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace ml::engine {
namespace {

// Arguments and results of one crossing, 8 bytes each, at a fixed address JavaScript knows.
constexpr int kSlots = 64;
alignas(8) uint64_t g_slots[kSlots];
char g_error[1024];

}  // namespace
}  // namespace ml::engine

// The JavaScript side keeps the compiled modules and instances in Module.mlw; C++ names them
// by index. A signature is its parameter letters, '>', its result letters (i j f d). (BigInt(32),
// not 32n: Emscripten 3.1.6's JavaScript minifier cannot print BigInt literals.)
EM_JS(void, mlw_init, (void* slots, char* error), {
  Module.mlw = { mods: [], insts: [], slots: slots, error: error, hostFailed: null };
});

EM_JS(int, mlw_compile, (const uint8_t* p, int n), {
  const W = Module.mlw;
  try {
    W.mods.push(new WebAssembly.Module(HEAPU8.slice(p, p + n)));
    return W.mods.length - 1;
  } catch (e) {
    stringToUTF8(String(e && e.message || e), W.error, 1024);
    return -1;
  }
});

// `spec`: one line per import the host provides, "f\tmodule\tname\tsig" (a host function, by
// its position among them) or "m\tmodule\tname\tinitial\tmaximum" (a memory to create).
// Returns the instance's index, -1 when linking failed (the message in W.error), -2 when the
// start function trapped.
EM_JS(int, mlw_instantiate, (int mod, const char* spec, int host), {
  const W = Module.mlw, BIG32 = BigInt(32);
  const rec = { exports: null, mem: null, fns: [] };
  const imports = {};
  let fidx = 0;
  for (const line of UTF8ToString(spec).split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const ns = imports[f[1]] || (imports[f[1]] = {});
    if (f[0] === 'm') {
      rec.mem = new WebAssembly.Memory({ initial: Number(f[3]), maximum: Number(f[4]) });
      ns[f[2]] = rec.mem;
      continue;
    }
    const index = fidx++;
    const [ps, rs] = f[3].split('>');
    ns[f[2]] = function () {
      const s = W.slots >> 2, d = W.slots >> 3;
      for (let i = 0; i < ps.length; ++i) {
        const v = arguments[i];
        if (ps[i] === 'j') { HEAP32[s + 2 * i] = Number(BigInt.asIntN(32, v)); HEAP32[s + 2 * i + 1] = Number(BigInt.asIntN(32, v >> BIG32)); }
        else if (ps[i] === 'i') HEAP32[s + 2 * i] = v;
        else HEAPF64[d + i] = v;
      }
      if (!Module._ml_web_host_call(host, index)) {
        const e = new Error('host function failed');
        W.hostFailed = e;
        throw e;
      }
      if (!rs) return undefined;
      if (rs[0] === 'j') return (BigInt(HEAP32[s + 1]) << BIG32) | BigInt(HEAPU32[s]);
      if (rs[0] === 'i') return HEAP32[s];
      return HEAPF64[d];
    };
  }
  try {
    const inst = new WebAssembly.Instance(W.mods[mod], imports);
    rec.exports = inst.exports;
  } catch (e) {
    stringToUTF8(String(e && e.message || e), W.error, 1024);
    return e instanceof WebAssembly.RuntimeError ? -2 : -1;
  }
  if (!rec.mem)
    for (const v of Object.values(rec.exports))
      if (v instanceof WebAssembly.Memory) { rec.mem = v; break; }
  W.insts.push(rec);
  return W.insts.length - 1;
});

EM_JS(void, mlw_release, (int inst), {
  Module.mlw.insts[inst] = null;
});

// The export's index among the instance's looked-up functions, -1 when it is not a function.
EM_JS(int, mlw_function, (int inst, const char* name, const char* sig), {
  const rec = Module.mlw.insts[inst];
  const f = rec.exports[UTF8ToString(name)];
  if (typeof f !== 'function') return -1;
  const [ps, rs] = UTF8ToString(sig).split('>');
  rec.fns.push({ f, ps, rs });
  return rec.fns.length - 1;
});

// Calls it with the arguments in the slots; the result goes to slot 0. 0: it returned; 1: it
// trapped (the message in W.error; a JavaScript stack overflow counts as one); 2: a host
// function failed (its error is kept on the C++ side).
EM_JS(int, mlw_call, (int inst, int fn), {
  const W = Module.mlw, BIG32 = BigInt(32);
  const { f, ps, rs } = W.insts[inst].fns[fn];
  const s = W.slots >> 2, d = W.slots >> 3;
  const args = [];
  for (let i = 0; i < ps.length; ++i) {
    if (ps[i] === 'j') args.push((BigInt(HEAP32[s + 2 * i + 1]) << BIG32) | BigInt(HEAPU32[s + 2 * i]));
    else if (ps[i] === 'i') args.push(HEAP32[s + 2 * i]);
    else args.push(HEAPF64[d + i]);
  }
  let r;
  try {
    r = f.apply(null, args);
  } catch (e) {
    if (e === W.hostFailed) { W.hostFailed = null; return 2; }
    if (!(e instanceof WebAssembly.RuntimeError) && !(e instanceof RangeError)) throw e;
    stringToUTF8(String(e.message), W.error, 1024);
    return 1;
  }
  if (rs) {
    if (rs[0] === 'j') { HEAP32[s] = Number(BigInt.asIntN(32, r)); HEAP32[s + 1] = Number(BigInt.asIntN(32, r >> BIG32)); }
    else if (rs[0] === 'i') HEAP32[s] = r;
    else HEAPF64[d] = r;
  }
  return 0;
});

// An exported global's value (i64 globals as their low 53 bits); 0 when there is none.
EM_JS(double, mlw_global, (int inst, const char* name), {
  const g = Module.mlw.insts[inst].exports[UTF8ToString(name)];
  if (!(g instanceof WebAssembly.Global)) return 0;
  return Number(g.value);
});

EM_JS(double, mlw_memory_size, (int inst), {
  const m = Module.mlw.insts[inst].mem;
  return m ? m.buffer.byteLength : 0;
});

// Grows by `pages`; false when the engine refused.
EM_JS(int, mlw_memory_grow, (int inst, int pages), {
  try { Module.mlw.insts[inst].mem.grow(pages); return 1; } catch (e) { return 0; }
});

// Copies between the instance's memory (at `offset`) and this module's (at `p`).
EM_JS(void, mlw_memory_read, (int inst, double offset, uint8_t* p, double n), {
  HEAPU8.set(new Uint8Array(Module.mlw.insts[inst].mem.buffer, offset, n), p);
});
EM_JS(void, mlw_memory_write, (int inst, double offset, const uint8_t* p, double n), {
  new Uint8Array(Module.mlw.insts[inst].mem.buffer, offset, n).set(HEAPU8.subarray(p, p + n));
});

namespace ml::engine {
namespace {

char type_letter(ValType t) {
  switch (t) {
    case ValType::I32: return 'i';
    case ValType::I64: return 'j';
    case ValType::F32: return 'f';
    case ValType::F64: return 'd';
  }
  return 'i';
}

std::string signature(const FuncType& t) {
  std::string s;
  for (ValType v : t.params) s += type_letter(v);
  s += '>';
  for (ValType v : t.results) s += type_letter(v);
  return s;
}

void put_slot(int i, const Val& v) {
  switch (v.type) {
    case ValType::I32: std::memcpy(&g_slots[i], &v.i32, 4); break;
    case ValType::I64: std::memcpy(&g_slots[i], &v.i64, 8); break;
    case ValType::F32: { double d = v.f32; std::memcpy(&g_slots[i], &d, 8); break; }
    case ValType::F64: std::memcpy(&g_slots[i], &v.f64, 8); break;
  }
}

Val get_slot(int i, ValType t) {
  switch (t) {
    case ValType::I32: { int32_t x; std::memcpy(&x, &g_slots[i], 4); return Val::I32(x); }
    case ValType::I64: { int64_t x; std::memcpy(&x, &g_slots[i], 8); return Val::I64(x); }
    case ValType::F32: { double x; std::memcpy(&x, &g_slots[i], 8); return Val::F32(float(x)); }
    case ValType::F64: { double x; std::memcpy(&x, &g_slots[i], 8); return Val::F64(x); }
  }
  return Val();
}

class WebModule : public Module {
 public:
  WebModule(int id, ModuleInfo info) : id_(id), info_(std::move(info)) {}
  const ModuleInfo& info() const override { return info_; }
  bool from_cache() const override { return false; }
  int id() const { return id_; }

 private:
  int id_;
  ModuleInfo info_;
};

class WebEngine;

// What a host function called from JavaScript finds: the instance's functions and its mirror.
class WebInstance;
struct HostContext {
  WebInstance* inst = nullptr;
  std::vector<HostFunction> fns;
  std::string error;  // the last host function's failure
};

class WebInstance : public Instance {
 public:
  WebInstance(WebEngine& eng, std::shared_ptr<Module> mod, std::vector<HostFunction> imports);
  ~WebInstance() override {
    if (id_ >= 0) mlw_release(id_);
  }

  ExportFunction function(std::string_view name) override {
    for (uint32_t i = 0; i < funcs_.size(); ++i)
      if (funcs_[i].name == name) return ExportFunction{i};
    const ExportInfo* e = info().find_export(name);
    if (!e || e->kind != ExportInfo::Function)
      throw WasmError(ErrorKind::MissingExport, e ? fmt::format("export '{}' is not a function", name)
                                                  : fmt::format("the module has no export named '{}'", name));
    int js = mlw_function(id_, e->name.c_str(), signature(e->type).c_str());
    if (js < 0) throw WasmError(ErrorKind::MissingExport, fmt::format("export '{}' is not callable", name));
    funcs_.push_back(Export{e->name, &e->type, js});
    return ExportFunction{uint32_t(funcs_.size() - 1)};
  }

  void call(ExportFunction f, std::span<const Val> args, std::span<Val> results) override;

  std::vector<Val> call(std::string_view name, std::span<const Val> args) override {
    ExportFunction f = function(name);
    std::vector<Val> out(funcs_[f.index].type->results.size());
    call(f, args, out);
    return out;
  }

  bool has_memory() const override { return has_memory_; }
  uint64_t memory_size() const override { return has_memory_ ? uint64_t(mlw_memory_size(id_)) : 0; }
  uint32_t memory_max_pages() const override { return max_pages_; }

  bool memory_is_direct() const override { return false; }
  uint8_t* memory_data() override {
    if (!has_memory_) return nullptr;
    if (!mirror_valid_) {
      mirror_.resize(memory_size());
      if (!mirror_.empty()) mlw_memory_read(id_, 0, mirror_.data(), double(mirror_.size()));
      mirror_valid_ = true;
    }
    mirror_out_ = true;
    return mirror_.data();
  }

  uint32_t memory_grow(uint32_t pages) override {
    require_memory();
    uint64_t cur = memory_size() / kPageSize;
    if (cur + pages > max_pages_ || !(flush(), mlw_memory_grow(id_, int(pages))))
      throw WasmError(ErrorKind::Memory, fmt::format("out of WebAssembly linear memory: {} pages of 64 KiB are "
                                                     "needed, the limit is {}",
                                                     cur + pages, max_pages_));
    mirror_valid_ = false;
    return uint32_t(cur);
  }

  void ensure_memory(uint64_t bytes) override {
    require_memory();
    uint64_t size = memory_size();
    if (bytes <= size) return;
    memory_grow(uint32_t((bytes + kPageSize - 1) / kPageSize - size / kPageSize));
  }

  void memory_write(uint64_t offset, std::span<const uint8_t> data) override {
    check_range(offset, data.size());
    if (data.empty()) return;
    if (mirror_valid_) std::memcpy(mirror_.data() + offset, data.data(), data.size());
    if (!mirror_out_) mlw_memory_write(id_, double(offset), data.data(), double(data.size()));
  }
  void memory_read(uint64_t offset, std::span<uint8_t> out) const override {
    check_range(offset, out.size());
    if (out.empty()) return;
    if (mirror_valid_) std::memcpy(out.data(), mirror_.data() + offset, out.size());
    else mlw_memory_read(id_, double(offset), out.data(), double(out.size()));
  }

  int64_t global_value(std::string_view name) override {
    const ExportInfo* e = info().find_export(name);
    if (!e || e->kind != ExportInfo::Global)
      throw WasmError(ErrorKind::MissingExport, fmt::format("the module has no exported global '{}'", name));
    return int64_t(mlw_global(id_, e->name.c_str()));
  }

  const ModuleInfo& info() const override { return mod_->info(); }

  // Before the instance runs: what the host wrote through memory_data() goes back to it.
  void flush() {
    if (mirror_out_ && mirror_valid_ && !mirror_.empty())
      mlw_memory_write(id_, 0, mirror_.data(), double(mirror_.size()));
    mirror_out_ = false;
  }
  // The instance ran: the mirror may be stale.
  void ran() { mirror_valid_ = mirror_out_ = false; }

 private:
  struct Export {
    std::string name;
    const FuncType* type;
    int js;
  };
  void require_memory() const {
    if (!has_memory_) throw WasmError(ErrorKind::Memory, "the module has no linear memory");
  }
  void check_range(uint64_t offset, uint64_t n) const {
    require_memory();
    uint64_t size = memory_size();
    if (offset > size || n > size - offset)
      throw WasmError(ErrorKind::Memory, fmt::format("host access [{}, {}) is outside linear memory of {} bytes",
                                                     offset, offset + n, size));
  }

  WebEngine& eng_;
  std::shared_ptr<Module> mod_;
  std::unique_ptr<HostContext> host_;
  std::vector<Export> funcs_;
  int id_ = -1;
  bool has_memory_ = false;
  uint32_t max_pages_ = 0;
  std::vector<uint8_t> mirror_;
  bool mirror_valid_ = false;  // mirror_ holds what the instance's memory holds
  bool mirror_out_ = false;    // memory_data() handed it out: the host may have written to it
};

class WebEngine : public Engine {
 public:
  explicit WebEngine(const EngineOptions& o) : opts_(o) {
    if (opts_.max_memory_pages == 0) opts_.max_memory_pages = opts_.memory_pages;
    opts_.max_memory_pages = std::min(opts_.max_memory_pages, kMaxPages);
    opts_.memory_pages = std::min(opts_.memory_pages, opts_.max_memory_pages);
    static bool started = false;
    if (!started) {
      mlw_init(g_slots, g_error);
      started = true;
    }
  }
  std::string name() const override { return engine_version(); }
  const EngineOptions& options() const override { return opts_; }

  std::shared_ptr<Module> compile(std::span<const uint8_t> bytes) override {
    ModuleInfo info = parse_module_info(bytes);
    int id = mlw_compile(bytes.data(), int(bytes.size()));
    if (id < 0) throw WasmError(ErrorKind::Compile, std::string("WebAssembly compile failed: ") + g_error);
    misses_++;
    return std::make_shared<WebModule>(id, std::move(info));
  }

  std::unique_ptr<Instance> instantiate(const std::shared_ptr<Module>& module,
                                        std::vector<HostFunction> imports) override {
    return std::make_unique<WebInstance>(*this, module, std::move(imports));
  }

  CacheStats cache_stats() const override { return {0, misses_, 0}; }
  void interrupt() override { interrupted_.store(true); }
  bool take_interrupt() { return interrupted_.exchange(false); }

  EngineOptions opts_;

 private:
  uint64_t misses_ = 0;
  std::atomic<bool> interrupted_{false};
};

WebInstance::WebInstance(WebEngine& eng, std::shared_ptr<Module> mod, std::vector<HostFunction> imports)
    : eng_(eng), mod_(std::move(mod)), host_(std::make_unique<HostContext>()) {
  host_->inst = this;
  std::string spec;
  for (const ImportInfo& im : info().imports) {
    if (im.kind == ExportInfo::Memory) {
      uint32_t maximum = eng_.opts_.max_memory_pages;
      if (im.has_max) maximum = std::min(maximum, im.mem_max);
      if (im.mem_min > maximum)
        throw WasmError(ErrorKind::Memory, fmt::format("the module needs at least {} pages of linear memory, the "
                                                       "limit is {}",
                                                       im.mem_min, maximum));
      uint32_t initial = std::min(std::max(eng_.opts_.memory_pages, im.mem_min), maximum);
      spec += fmt::format("m\t{}\t{}\t{}\t{}\n", im.module, im.name, initial, maximum);
      max_pages_ = maximum;
    } else if (im.kind == ExportInfo::Function) {
      const HostFunction* found = nullptr;
      for (const HostFunction& h : imports)
        if (h.module == im.module && h.name == im.name) found = &h;
      if (!found)
        throw WasmError(ErrorKind::Link, fmt::format("the module imports function {}.{} {} which the host does "
                                                     "not provide",
                                                     im.module, im.name, to_string(im.type)));
      if (!(found->type == im.type))
        throw WasmError(ErrorKind::Link, fmt::format("import {}.{}: the module expects {} but the host provides {}",
                                                     im.module, im.name, to_string(im.type),
                                                     to_string(found->type)));
      if (im.type.params.size() > size_t(kSlots))
        throw WasmError(ErrorKind::Link, fmt::format("import {}.{} has too many parameters", im.module, im.name));
      spec += fmt::format("f\t{}\t{}\t{}\n", im.module, im.name, signature(im.type));
      host_->fns.push_back(*found);
    }
  }
  id_ = mlw_instantiate(static_cast<WebModule&>(*mod_).id(), spec.c_str(), int(reinterpret_cast<uintptr_t>(host_.get())));
  if (id_ == -2) throw WasmError(ErrorKind::Trap, std::string("the module's start function trapped: ") + g_error,
                                 classify_trap(g_error));
  if (id_ < 0) throw WasmError(ErrorKind::Link, std::string("WebAssembly instantiation failed: ") + g_error);
  has_memory_ = mlw_memory_size(id_) > 0 || [&] {
    for (const ExportInfo& e : info().exports)
      if (e.kind == ExportInfo::Memory) return true;
    return false;
  }();
  if (has_memory_ && max_pages_ == 0) max_pages_ = eng_.opts_.max_memory_pages;
}

void WebInstance::call(ExportFunction f, std::span<const Val> args, std::span<Val> results) {
  if (f.index >= funcs_.size()) throw WasmError(ErrorKind::MissingExport, "no such export handle");
  const Export& ex = funcs_[f.index];
  const FuncType& type = *ex.type;
  if (args.size() != type.params.size() || results.size() != type.results.size() || args.size() > size_t(kSlots))
    throw WasmError(ErrorKind::Signature, fmt::format("'{}' has type {}: called with {} argument(s), room for {} "
                                                      "result(s)",
                                                      ex.name, to_string(type), args.size(), results.size()));
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].type != type.params[i])
      throw WasmError(ErrorKind::Signature, fmt::format("'{}' has type {}: argument {} is {} but should be {}",
                                                        ex.name, to_string(type), i + 1, to_string(args[i].type),
                                                        to_string(type.params[i])));
    put_slot(int(i), args[i]);
  }
  if (eng_.take_interrupt())
    throw WasmError(ErrorKind::Interrupted, fmt::format("'{}' was not started: the program was interrupted", ex.name));
  flush();
  host_->error.clear();
  int st = mlw_call(id_, ex.js);
  ran();
  if (st == 2) throw WasmError(ErrorKind::Host, host_->error);
  if (st == 1) {
    TrapKind tk = classify_trap(g_error);
    throw WasmError(ErrorKind::Trap, fmt::format("'{}' trapped ({}): {}", ex.name, to_string(tk), g_error), tk);
  }
  for (size_t i = 0; i < results.size(); ++i) results[i] = get_slot(int(i), type.results[i]);
}

}  // namespace

bool engine_available(std::string*) { return true; }
std::string engine_version() { return "the browser's WebAssembly engine"; }
std::unique_ptr<Engine> create_engine(const EngineOptions& options) { return std::make_unique<WebEngine>(options); }
void clear_module_cache() {}

}  // namespace ml::engine

// A host function called by a compiled module: its arguments are in the slots, its result goes
// to slot 0. False when it threw (the message is kept for the call that ran the module).
extern "C" EMSCRIPTEN_KEEPALIVE int ml_web_host_call(int ctx, int index) {
  using namespace ml::engine;
  auto* host = reinterpret_cast<HostContext*>(uintptr_t(unsigned(ctx)));
  const HostFunction& h = host->fns[size_t(index)];
  Val args[kSlots];
  for (size_t i = 0; i < h.type.params.size(); ++i) args[i] = get_slot(int(i), h.type.params[i]);
  host->inst->ran();  // the instance wrote to its memory since the mirror was taken
  try {
    std::vector<Val> r = h.fn(std::span<const Val>(args, h.type.params.size()));
    host->inst->flush();
    for (size_t i = 0; i < r.size() && i < size_t(kSlots); ++i) put_slot(int(i), r[i]);
    return 1;
  } catch (const std::exception& e) {
    host->error = e.what();
    host->inst->flush();
    return 0;
  }
}
