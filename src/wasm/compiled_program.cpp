#include "wasm/compiled_program.h"

#include <cmath>
#include <cstring>
#include <set>

#include <fmt/format.h>

#include "wasm/pyfmt.h"

namespace ml::wasm {

namespace eng = ml::engine;

std::string repr(const Value& v) {
  switch (v.v.index()) {
    case 0: return "None";
    case 1: return std::to_string(v.as_int());
    case 2: return py_float_repr(v.as_float());
    case 3: return v.as_bool() ? "True" : "False";
    default: {
      std::string s = "[";
      const List& l = *v.as_list();
      for (size_t i = 0; i < l.size(); ++i) s += (i ? ", " : "") + repr(l[i]);
      return s + "]";
    }
  }
}

std::optional<Type> type_of(const Value& v, std::string* why) {
  auto no = [&](std::string w) -> std::optional<Type> {
    if (why) *why = std::move(w);
    return std::nullopt;
  };
  switch (v.v.index()) {
    case 0: return no("None argument");
    case 1: return kInt;
    case 2: return kFloat;
    case 3: return kBool;
    default: break;
  }
  Type el{Base::Unknown, 0};
  bool have = false;
  for (const Value& x : *v.as_list()) {
    auto t = type_of(x, why);
    if (!t) return std::nullopt;
    if (!have) { el = *t; have = true; continue; }
    if (*t == el) continue;
    // an empty inner list joins with a typed one of the same depth
    if (!t->known() && t->depth == el.depth) continue;
    if (!el.known() && el.depth == t->depth) { el = *t; continue; }
    return no("list mixing " + el.name() + " and " + t->name());
  }
  if (el.depth >= 30) return no("list nested too deeply");
  return Type::list_of(el);
}

struct CompiledProgram::Unit {
  FuncSpec* spec = nullptr;
  GeneratedModule gen;
  std::shared_ptr<eng::Module> mod;
  std::unique_ptr<eng::Instance> inst;
  std::string failure;
};

CompiledProgram::CompiledProgram(const ast::Module& module, const LanguagePack& pack, eng::Engine* engine,
                                 ProgramOptions opts)
    : module_(module), pack_(pack), engine_(engine), opts_(opts), typer_(module, pack) {}

CompiledProgram::~CompiledProgram() = default;

eng::Engine& CompiledProgram::engine() {
  if (!engine_) {
    if (opts_.engine_provider) {
      engine_ = &opts_.engine_provider();
    } else {
      own_engine_ = eng::create_engine(opts_.engine);
      engine_ = own_engine_.get();
    }
  }
  return *engine_;
}

bool CompiledProgram::has_function(const std::string& name) const { return typer_.find_function(name) != nullptr; }

CompiledProgram::Unit* CompiledProgram::unit_for(const ast::Stmt* def, const std::vector<Type>& types, std::string* why) {
  std::string key = signature_key(def->name, types);
  auto it = units_.find(key);
  if (it == units_.end()) {
    auto u = std::make_unique<Unit>();
    Unit* up = u.get();
    units_[key] = std::move(u);
    FuncSpec* spec = typer_.specialize(def, types);
    up->spec = spec;
    try {
      if (spec->state != FuncSpec::Done)
        throw CannotCompile{spec->failure ? *spec->failure : Reason{"types that do not settle", def->loc, ""}};
      CodegenOptions co = opts_.codegen;
      co.standalone = false;
      up->gen = generate(typer_, spec, co);
      up->mod = engine().compile(up->gen.wasm);
      std::vector<eng::HostFunction> imports;
      for (const auto& imp : up->mod->info().imports) {
        if (imp.kind != eng::ExportInfo::Function) continue;
        eng::HostFunction hf;
        hf.module = imp.module;
        hf.name = imp.name;
        hf.type = imp.type;
        if (imp.name == "print_i64")
          hf.fn = [this](std::span<const eng::Val> a) { out_ += std::to_string(a[0].i64); return std::vector<eng::Val>{}; };
        else if (imp.name == "print_f64")
          hf.fn = [this](std::span<const eng::Val> a) { out_ += py_float_repr(a[0].f64); return std::vector<eng::Val>{}; };
        else if (imp.name == "print_bool")
          hf.fn = [this](std::span<const eng::Val> a) { out_ += a[0].i32 ? "True" : "False"; return std::vector<eng::Val>{}; };
        else if (imp.name == "print_str")
          hf.fn = [this, up](std::span<const eng::Val> a) {
            uint32_t p = static_cast<uint32_t>(a[0].i32), n = static_cast<uint32_t>(a[1].i32);
            if (uint64_t(p) + n > up->inst->memory_size()) throw eng::WasmError(eng::ErrorKind::Memory, "print_str out of range");
            out_.append(reinterpret_cast<const char*>(up->inst->memory_data()) + p, n);
            return std::vector<eng::Val>{};
          };
        else if (imp.name == "fmod")
          hf.fn = [](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(std::fmod(a[0].f64, a[1].f64))}; };
        else if (imp.name == "pow")
          hf.fn = [](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(std::pow(a[0].f64, a[1].f64))}; };
        else
          throw CannotCompile{Reason{"unknown import " + imp.name, def->loc, ""}};
        imports.push_back(std::move(hf));
      }
      up->inst = engine().instantiate(up->mod, std::move(imports));
    } catch (const CannotCompile& c) {
      up->failure = c.reason.text();
    } catch (const eng::WasmError& e) {
      up->failure = std::string("the engine rejected the generated module: ") + e.what();
    }
    it = units_.find(key);
  }
  Unit* u = it->second.get();
  auto& rec = records_[key];
  rec.function = def->name;
  rec.signature = key;
  if (!u->failure.empty()) {
    rec.compiled = false;
    rec.reason = u->failure;
    if (why) *why = u->failure;
    return nullptr;
  }
  rec.compiled = true;
  return u;
}

namespace {

// Lays lists out in a byte image starting at `base` (identity kept: one address per list).
struct Marshal {
  uint32_t base;
  std::vector<uint8_t> img;
  std::map<const List*, uint32_t> addr;
  std::vector<std::pair<ListPtr, std::pair<uint32_t, Type>>> lists;

  uint32_t alloc(size_t n) {
    size_t off = (img.size() + 7) & ~size_t(7);
    if (base + off + n > 0xF0000000ull) throw eng::WasmError(eng::ErrorKind::Memory, "arguments too large for linear memory");
    img.resize(off + n);
    return base + static_cast<uint32_t>(off);
  }
  template <class T> void put(uint32_t a, T v) { std::memcpy(img.data() + (a - base), &v, sizeof v); }
  bool same(uint32_t a, size_t n, const uint8_t* mem, uint64_t size) const {
    return uint64_t(a) + n <= size && std::memcmp(mem + a, img.data() + (a - base), n) == 0;
  }
  // the list laid out at header h still holds what was written
  bool unchanged(uint32_t h, const uint8_t* mem, uint64_t size) const {
    if (!same(h, kListHeader, mem, size)) return false;
    uint32_t n, d;
    std::memcpy(&n, img.data() + (h - base), 4);
    std::memcpy(&d, img.data() + (h - base) + 8, 4);
    return same(d, size_t(n) * kSlot, mem, size);
  }

  uint32_t list(const ListPtr& l, Type t) {
    auto it = addr.find(l.get());
    if (it != addr.end()) return it->second;
    uint32_t h = alloc(kListHeader);
    addr[l.get()] = h;
    lists.push_back({l, {h, t}});
    uint32_t n = static_cast<uint32_t>(l->size());
    uint32_t d = alloc(size_t(n) * kSlot);
    put<uint32_t>(h, n);
    put<uint32_t>(h + 4, n);
    put<uint32_t>(h + 8, d);
    put<uint32_t>(h + 12, 0);
    Type el = t.elem();
    for (uint32_t i = 0; i < n; ++i) {
      const Value& x = (*l)[i];
      uint32_t s = d + i * kSlot;
      if (x.is_list()) { uint32_t c = list(x.as_list(), el); put<uint64_t>(s, c); }
      else if (x.is_int()) put<int64_t>(s, x.as_int());
      else if (x.is_float()) put<double>(s, x.as_float());
      else if (x.is_bool()) put<uint64_t>(s, x.as_bool() ? 1 : 0);
    }
    return h;
  }
};

// Reads values back out of linear memory (lists passed in are refreshed in place).
struct Unmarshal {
  const uint8_t* mem;
  uint64_t size;
  std::map<uint32_t, ListPtr> known;  // address -> list object
  std::set<uint32_t> done;

  template <class T> T get(uint64_t a) const {
    if (a + sizeof(T) > size) throw eng::WasmError(eng::ErrorKind::Memory, "compiled code left a list outside linear memory");
    T v;
    std::memcpy(&v, mem + a, sizeof v);
    return v;
  }
  Value scalar(uint64_t slot, Type t) {
    if (t == kInt) return Value::of_int(get<int64_t>(slot));
    if (t == kFloat) return Value::of_float(get<double>(slot));
    return Value::of_bool(get<uint32_t>(slot) != 0);
  }
  ListPtr list(uint32_t a, Type t) {
    ListPtr& l = known[a];
    if (!l) l = std::make_shared<List>();
    if (done.count(a)) return l;
    done.insert(a);
    uint32_t n = get<uint32_t>(a), d = get<uint32_t>(uint64_t(a) + 8);
    if (uint64_t(d) + uint64_t(n) * kSlot > size) throw eng::WasmError(eng::ErrorKind::Memory, "corrupt list in linear memory");
    List items;
    items.reserve(n);
    Type el = t.elem();
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t s = uint64_t(d) + uint64_t(i) * kSlot;
      if (el.is_list()) items.push_back(Value::of_list(list(get<uint32_t>(s), el)));
      else if (!el.known()) items.push_back(Value::none());
      else items.push_back(scalar(s, el));
    }
    ListPtr keep = known[a];
    *keep = std::move(items);
    return keep;
  }
};

eng::Val to_val(const Value& v, uint32_t list_addr) {
  if (v.is_int()) return eng::Val::I64(v.as_int());
  if (v.is_float()) return eng::Val::F64(v.as_float());
  if (v.is_bool()) return eng::Val::I32(v.as_bool() ? 1 : 0);
  return eng::Val::I32(static_cast<int32_t>(list_addr));
}

}  // namespace

CallOutcome CompiledProgram::call(const std::string& name, std::span<const Value> args, int depth) {
  std::string key;
  CallOutcome out = run_call(name, args, depth, key);
  if (out.kind == CallOutcome::Fallback && !key.empty()) {
    auto& rec = records_[key];
    if (rec.compiled) {
      rec.fallbacks++;
      rec.fallback_reason = out.reason;
    }
  }
  return out;
}

void CompiledProgram::note_not_offered(const std::string& name, const std::string& reason) {
  auto& rec = records_[name + "(...) " + reason];  // one line per reason
  rec.function = name;
  rec.signature = name + "(...)";
  rec.reason = reason;
  rec.calls++;
}

CallOutcome CompiledProgram::run_call(const std::string& name, std::span<const Value> args, int depth,
                                      std::string& key) {
  CallOutcome out;
  const ast::Stmt* def = typer_.find_function(name);
  if (!def) {
    out.reason = "no top-level function '" + name + "' defined once";
    return out;
  }
  std::vector<Type> types;
  for (const Value& a : args) {
    std::string why;
    auto t = type_of(a, &why);
    if (!t) {
      out.reason = why;
      auto& rec = records_[def->name + "(...)"];
      rec.function = def->name;
      rec.signature = def->name + "(...)";
      rec.reason = why;
      rec.calls++;
      return out;
    }
    types.push_back(*t);
  }
  std::string why;
  Unit* u = unit_for(def, types, &why);
  key = signature_key(def->name, types);
  records_[key].calls++;
  if (!u) {
    out.reason = why;
    return out;
  }
  eng::Instance& inst = *u->inst;
  FuncSpec& spec = *u->spec;
  if (spec.params.size() != args.size()) {
    out.reason = "argument count";
    return out;
  }
  // lay out the lists
  Marshal m{u->gen.heap_base, {}, {}, {}};
  std::vector<uint32_t> addrs(args.size(), 0);
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].is_list()) addrs[i] = m.list(args[i].as_list(), spec.locals.at(spec.param_keys[i]));
  uint32_t end = (m.base + static_cast<uint32_t>(m.img.size()) + 15) & ~15u;
  try {
    inst.ensure_memory(end);
    if (!m.img.empty()) inst.memory_write(m.base, m.img);
    inst.call("ml_set_heap", {eng::Val::I32(static_cast<int32_t>(end))});
    inst.call("ml_set_limit", {eng::Val::I32(std::max(1, opts_.recursion_limit - depth))});
  } catch (const eng::WasmError& e) {
    out.reason = std::string("arguments do not fit in linear memory: ") + e.what();
    return out;
  }
  std::vector<eng::Val> vals;
  for (size_t i = 0; i < args.size(); ++i) vals.push_back(to_val(args[i], addrs[i]));
  out_.clear();
  std::vector<eng::Val> res;
  RtError code = RtError::None;
  int line = 0, col = 0;
  try {
    res = inst.call(u->gen.entry_export, vals);
  } catch (const eng::WasmError& e) {
    if (e.kind() == eng::ErrorKind::Timeout) throw;
    if (e.kind() != eng::ErrorKind::Trap) {
      out.reason = std::string("engine error: ") + e.what();
      out_.clear();
      return out;
    }
    code = static_cast<RtError>(inst.global_value("ml_err"));
    int32_t pos = static_cast<int32_t>(inst.global_value("ml_err_line"));
    line = pos_line(pos);
    col = pos_col(pos);
    if (code != RtError::ZeroDivision && code != RtError::Index && code != RtError::IndexStore) {
      out.reason = code == RtError::None ? std::string("trap in compiled code: ") + e.what()
                                         : fmt::format("{} at line {}", to_string(code), line);
      out_.clear();
      return out;
    }
  }
  // read back: refreshed argument lists, then the result
  Unmarshal um{inst.memory_data(), inst.memory_size(), {}, {}};
  for (auto& [l, at] : m.lists) um.known[at.first] = l;
  try {
    // A list whose header and slots hold the bytes they were given is unchanged (its inner
    // lists are judged on their own): it keeps its elements. The others are read again.
    for (auto& [l, at] : m.lists)
      if (m.unchanged(at.first, inst.memory_data(), inst.memory_size())) um.done.insert(at.first);
    for (auto& [l, at] : m.lists) um.list(at.first, at.second);
    if (code == RtError::None && !(spec.ret == kNone)) {
      const eng::Val& r = res.at(0);
      if (spec.ret.is_list()) out.result = Value::of_list(um.list(static_cast<uint32_t>(r.i32), spec.ret));
      else if (spec.ret == kInt) out.result = Value::of_int(r.i64);
      else if (spec.ret == kFloat) out.result = Value::of_float(r.f64);
      else out.result = Value::of_bool(r.i32 != 0);
    }
  } catch (const eng::WasmError& e) {
    out.reason = e.what();
    out_.clear();
    return out;
  }
  out.output = std::move(out_);
  out_.clear();
  if (code == RtError::None) {
    out.kind = CallOutcome::Ok;
    return out;
  }
  out.kind = CallOutcome::Error;
  out.line = line;
  out.col = col;
  out.error_class = code == RtError::ZeroDivision ? "ZeroDivisionError" : "IndexError";
  if (code == RtError::ZeroDivision) out.message_id = "runtime.division_by_zero";
  else if (code == RtError::Index) {
    out.message_id = "runtime.index_out_of_range";
    out.message_args = {{"type", "list"}};
  }
  out.message = out.message_id.empty() ? "list assignment index out of range" : pack_.message(out.message_id, out.message_args);
  return out;
}

std::optional<std::string> CompiledProgram::why_not(const std::string& name, const std::vector<Type>& types) {
  const ast::Stmt* def = typer_.find_function(name);
  if (!def) return "no top-level function '" + name + "' defined once";
  std::string why;
  if (!unit_for(def, types, &why)) return why;
  return std::nullopt;
}

std::string CompiledProgram::wat(const std::string& name, const std::vector<Type>& types) {
  const ast::Stmt* def = typer_.find_function(name);
  if (!def) throw std::runtime_error("no top-level function '" + name + "'");
  std::string why;
  Unit* u = unit_for(def, types, &why);
  if (!u) throw std::runtime_error(why);
  return u->gen.wat;
}

std::vector<uint8_t> CompiledProgram::wasm(const std::string& name, const std::vector<Type>& types) {
  const ast::Stmt* def = typer_.find_function(name);
  if (!def) throw std::runtime_error("no top-level function '" + name + "'");
  std::string why;
  Unit* u = unit_for(def, types, &why);
  if (!u) throw std::runtime_error(why);
  return u->gen.wasm;
}

std::vector<ExplainRecord> CompiledProgram::explain() const {
  std::vector<ExplainRecord> out;
  std::set<std::string> seen;
  for (const auto& s : module_.body) {
    if (s->kind != ast::StmtKind::FunctionDef || seen.count(s->name)) continue;
    seen.insert(s->name);
    bool any = false;
    for (const auto& [k, r] : records_)
      if (r.function == s->name) {
        out.push_back(r);
        any = true;
      }
    if (!any) {
      ExplainRecord r;
      r.function = s->name;
      r.reason = typer_.find_function(s->name) ? "not called" : "defined more than once";
      out.push_back(r);
    }
  }
  return out;
}

std::string CompiledProgram::explain_text() const {
  std::string s;
  for (const auto& r : explain()) {
    std::string sig = r.signature.empty() ? r.function : r.signature;
    if (r.compiled && r.fallbacks == 0) s += fmt::format("{}: wasm ({} call{})\n", sig, r.calls, r.calls == 1 ? "" : "s");
    else if (r.compiled)
      s += fmt::format("{}: wasm ({} call{}), {} handed back to the interpreter ({})\n", sig, r.calls,
                       r.calls == 1 ? "" : "s", r.fallbacks == r.calls ? "all" : std::to_string(r.fallbacks),
                       r.fallback_reason);
    else s += fmt::format("{}: interpreter ({})\n", sig, r.reason);
  }
  return s;
}

}  // namespace ml::wasm
