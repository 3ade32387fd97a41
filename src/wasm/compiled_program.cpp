#include "wasm/compiled_program.h"

#include <cmath>
#include <cstring>
#include <set>

#include <fmt/format.h>

#include "wasm/host_call.h"
#include "wasm/host_imports.h"
#include "wasm/pyfmt.h"

namespace ml::wasm {

namespace eng = ml::engine;

namespace {

// Strict UTF-8 -> code points (no overlong forms, surrogates or values past U+10FFFF).
bool utf8_decode(const std::string& s, std::vector<uint32_t>& out) {
  out.clear();
  out.reserve(s.size());
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { out.push_back(c); ++i; continue; }
    size_t k;
    uint32_t cp, min;
    if ((c >> 5) == 6) { k = 1; cp = c & 0x1F; min = 0x80; }
    else if ((c >> 4) == 14) { k = 2; cp = c & 0x0F; min = 0x800; }
    else if ((c >> 3) == 30) { k = 3; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (i + k >= n) return false;
    for (size_t j = 1; j <= k; ++j) {
      unsigned char d = static_cast<unsigned char>(s[i + j]);
      if ((d >> 6) != 2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(cp);
    i += k + 1;
  }
  return true;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Python's repr of a str (non-ASCII characters are shown as themselves, except the C1
// controls, U+00A0 and U+00AD, which Python escapes too).
std::string str_repr(const std::string& utf8) {
  std::vector<uint32_t> cps;
  if (!utf8_decode(utf8, cps)) return "<invalid utf-8>";
  bool sq = false, dq = false;
  for (uint32_t c : cps) { sq = sq || c == '\''; dq = dq || c == '"'; }
  char q = sq && !dq ? '"' : '\'';
  std::string o(1, q);
  for (uint32_t c : cps) {
    if (c == static_cast<uint32_t>(q) || c == '\\') { o += '\\'; o += static_cast<char>(c); }
    else if (c == '\n') o += "\\n";
    else if (c == '\r') o += "\\r";
    else if (c == '\t') o += "\\t";
    else if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD) o += fmt::format("\\x{:02x}", c);
    else utf8_append(o, c);
  }
  return o + q;
}

}  // namespace

bool utf8_to_code_points(const std::string& s, std::vector<uint32_t>& out) { return utf8_decode(s, out); }

std::string code_points_to_utf8(const uint32_t* cps, size_t n) {
  std::string s;
  s.reserve(n);
  for (size_t i = 0; i < n; ++i) utf8_append(s, cps[i]);
  return s;
}

bool is_valid_utf8(const std::string& s) {
  std::vector<uint32_t> cps;
  return utf8_decode(s, cps);
}

std::string repr(const Value& v) {
  switch (v.v.index()) {
    case 0: return "None";
    case 1: return std::to_string(v.as_int());
    case 2: return py_float_repr(v.as_float());
    case 3: return v.as_bool() ? "True" : "False";
    case 5: return str_repr(v.as_str());
    case 6: {
      const auto& t = v.as_tuple();
      std::string s = "(";
      for (size_t i = 0; i < t.size(); ++i) s += (i ? ", " : "") + repr(t[i]);
      return s + (t.size() == 1 ? ",)" : ")");
    }
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
    case 5: {
      std::vector<uint32_t> cps;
      if (!utf8_decode(v.as_str(), cps)) return no("string that is not valid UTF-8");
      return kStr;
    }
    case 6: {
      const auto& items = v.as_tuple();
      if (items.size() > static_cast<size_t>(kMaxTupleItems))
        return no("tuple of more than " + std::to_string(kMaxTupleItems) + " items");
      std::vector<Type> ts;
      for (const Value& x : items) {
        if (x.is_int()) ts.push_back(kInt);
        else if (x.is_float()) ts.push_back(kFloat);
        else if (x.is_bool()) ts.push_back(kBool);
        else if (x.is_str() && type_of(x, why)) ts.push_back(kStr);
        else if (x.is_str()) return std::nullopt;
        else return no("tuple holding a value that is not a number or a str");
      }
      return Type::tuple_of(ts);
    }
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
  Prepared prepared;
  GeneratedModule gen;
  std::shared_ptr<eng::Module> mod;
  std::unique_ptr<eng::Instance> inst;
  std::string failure;
};

CompiledProgram::CompiledProgram(const ast::Module& module, const LanguagePack& pack, eng::Engine* engine,
                                 ProgramOptions opts)
    : module_(module), pack_(pack), engine_(engine), opts_(opts), typer_(module, pack, opts.typer) {}

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

// The native implementation of host import `name` (host_imports.h) for unit `up`; empty when
// there is none.
std::function<std::vector<eng::Val>(std::span<const eng::Val>)> CompiledProgram::host_function(std::string_view name,
                                                                                               Unit* up) {
  if (name == "print_i64")
    return [this](std::span<const eng::Val> a) { out_ += std::to_string(a[0].i64); return std::vector<eng::Val>{}; };
  if (name == "print_f64")
    return [this](std::span<const eng::Val> a) { out_ += py_float_repr(a[0].f64); return std::vector<eng::Val>{}; };
  if (name == "print_bool")
    return [this](std::span<const eng::Val> a) { out_ += a[0].i32 ? "True" : "False"; return std::vector<eng::Val>{}; };
  if (name == "print_str")
    return [this, up](std::span<const eng::Val> a) {
      uint32_t p = static_cast<uint32_t>(a[0].i32), n = static_cast<uint32_t>(a[1].i32);
      std::string text(n, '\0');  // memory_read checks the range
      up->inst->memory_read(p, std::span<uint8_t>(reinterpret_cast<uint8_t*>(text.data()), n));
      out_ += text;
      return std::vector<eng::Val>{};
    };
  if (name == "f64_repr")  // str(float): Python's repr written at buf (ASCII)
    return [up](std::span<const eng::Val> a) {
      std::string r = py_float_repr(a[0].f64);
      uint32_t p = static_cast<uint32_t>(a[1].i32);
      up->inst->memory_write(p, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(r.data()), r.size()));
      return std::vector<eng::Val>{eng::Val::I32(static_cast<int32_t>(r.size()))};
    };
  if (name == "fmod")
    return [](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(std::fmod(a[0].f64, a[1].f64))}; };
  if (name == "pow")
    return [](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(std::pow(a[0].f64, a[1].f64))}; };
  using F1 = double (*)(double);
  static const std::pair<std::string_view, F1> math1[] = {{"sin", [](double x) { return std::sin(x); }},
                                                        {"cos", [](double x) { return std::cos(x); }},
                                                        {"tan", [](double x) { return std::tan(x); }},
                                                        {"exp", [](double x) { return std::exp(x); }},
                                                        {"atan", [](double x) { return std::atan(x); }}};
  for (const auto& entry : math1)
    if (name == entry.first)  // (not a structured binding: clang before 16, the web build's, cannot capture one)
      return [f = entry.second](std::span<const eng::Val> a) { return std::vector<eng::Val>{eng::Val::F64(f(a[0].f64))}; };
  return {};
}

namespace {
// `entry` and every function it calls, directly or not.
template <class F>
void for_each_reached(const FuncSpec* entry, F&& f) {
  std::set<const FuncSpec*> seen{entry};
  std::vector<const FuncSpec*> todo{entry};
  while (!todo.empty()) {
    const FuncSpec* s = todo.back();
    todo.pop_back();
    f(*s);
    for (const FuncSpec* c : s->callees())
      if (seen.insert(c).second) todo.push_back(c);
  }
}
}  // namespace

// (also the classes isinstance() names: the code knows the answer from the class's name, so
// the host checks that the name still means that class)
std::vector<std::string> constructed_classes(const FuncSpec* entry) {
  std::set<std::string> out;
  for_each_reached(entry, [&](const FuncSpec& s) {
    for (const auto& [e, c] : s.calls) {
      if (c.kind == CallInfo::User && c.construct) out.insert(c.name);
      if (c.kind == CallInfo::Builtin && c.name == "isinstance") out.insert(e->args[1].value->name);
    }
  });
  return {out.begin(), out.end()};
}

std::vector<std::pair<uint32_t, uint64_t>> fields_accessed(const FuncSpec* entry) {
  std::map<uint32_t, uint64_t> out;
  for_each_reached(entry, [&](const FuncSpec& s) {
    // obj.name read or written: the typer records the type of both the attribute and its object
    for (const auto& [e, t] : s.types) {
      if (e->kind != ast::ExprKind::Attribute) continue;
      auto ot = s.types.find(e->a.get());
      if (ot == s.types.end() || !ot->second.is_obj()) continue;
      int k = ot->second.field_index(e->name);
      if (k >= 0) out[ot->second.tid] |= k < 64 ? uint64_t(1) << k : uint64_t(0);
    }
  });
  return {out.begin(), out.end()};
}

std::vector<std::string> constants_read(const FuncSpec* entry) {
  std::set<std::string> out;
  for_each_reached(entry, [&](const FuncSpec& s) { out.insert(s.constants.begin(), s.constants.end()); });
  return {out.begin(), out.end()};
}

bool CompiledProgram::hosts(std::string_view name) { return bool(host_function(name, nullptr)); }

CompiledProgram::Unit* CompiledProgram::unit_for(const ast::Stmt* def, const std::vector<Type>& types, std::string* why) {
  std::string key = signature_key(typer_.qualname(def), types);
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
        hf.fn = host_function(imp.name, up);
        if (!hf.fn || !find_host_import(imp.name)) throw CannotCompile{Reason{"unknown import " + imp.name, def->loc, ""}};
        imports.push_back(std::move(hf));
      }
      up->inst = engine().instantiate(up->mod, std::move(imports));
      Prepared& p = up->prepared;
      p.inst = up->inst.get();
      p.enter = up->inst->function(kCallExport);
      p.args_at = up->gen.args_at;
      for (const auto& pk : spec->param_keys) p.params.push_back(spec->locals.at(pk));
      p.ret = spec->ret;
      p.entry = up->gen.entry_export;
      p.heap_base = up->gen.heap_base;
      p.key = key;
      p.constructs = constructed_classes(spec);
      p.constants = constants_read(spec);
      for_each_reached(spec, [&](const FuncSpec&) { ++p.functions; });
      // (only when every function the module holds was looked at: else every field is copied)
      p.fields_known = size_t(p.functions) == up->gen.functions.size();
      if (p.fields_known) p.fields_used = fields_accessed(spec);
      p.unbound_names = &up->gen.unbound_names;
    } catch (const CannotCompile& c) {
      up->failure = c.reason.text();
    } catch (const eng::WasmError& e) {
      up->failure = std::string("the engine rejected the generated module: ") + e.what();
    }
    it = units_.find(key);
  }
  Unit* u = it->second.get();
  auto& rec = records_[key];
  rec.function = typer_.qualname(def);
  rec.signature = key;
  if (!u->failure.empty()) {
    rec.compiled = false;
    rec.reason = u->failure;
    if (why) *why = u->failure;
    return nullptr;
  }
  rec.compiled = true;
  u->prepared.record = &rec;
  return u;
}

namespace {

// wasm::Value as a host of call_host (host_call.h).
struct ValueAdapter {
  using V = Value;
  static const void* list_id(const V& v) { return v.as_list().get(); }
  static size_t list_size(const V& v) { return v.as_list()->size(); }
  static const V& list_at(const V& v, size_t i) { return (*v.as_list())[i]; }
  static uint64_t slot_bits(const V& v, Type t) {
    uint64_t b = 0;
    if (t == kFloat) {
      double d = v.is_float() ? v.as_float() : v.is_int() ? double(v.as_int()) : double(v.is_bool() && v.as_bool());
      std::memcpy(&b, &d, 8);
    } else if (v.is_int()) b = static_cast<uint64_t>(v.as_int());
    else if (v.is_bool()) b = v.as_bool() ? 1 : 0;
    return b;
  }
  static V from_slot(uint64_t b, Type t) {
    if (t.is_num()) {
      if (num_is_int(b)) return Value::of_int(num_int(b));
      t = kFloat;
    }
    if (t == kInt) return Value::of_int(static_cast<int64_t>(b));
    if (t == kFloat) {
      double d;
      std::memcpy(&d, &b, 8);
      return Value::of_float(d);
    }
    return Value::of_bool((b & 0xFFFFFFFFu) != 0);
  }
  static V none() { return Value::none(); }
  static V new_list(std::vector<V>&& items) { return Value::of_list(std::move(items)); }
  static void refill(const V& list, std::vector<V>&& items) { *list.as_list() = std::move(items); }
  static const void* value_id(const V& v) {
    if (v.is_tuple()) return std::get<TuplePtr>(v.v).get();
    return &std::get<Str>(v.v);
  }
  static bool is_str(const V& v) { return v.is_str(); }
  static const std::string& str_utf8(const V& v) { return v.as_str(); }
  static V new_str(std::string&& s) { return Value::of_str(std::move(s)); }
  static size_t tuple_size(const V& v) { return v.as_tuple().size(); }
  static const V& tuple_at(const V& v, size_t i) { return v.as_tuple()[i]; }
  static V new_tuple(std::vector<V>&& items) { return Value::of_tuple(std::move(items)); }
};

}  // namespace

CallOutcome CompiledProgram::call(const std::string& name, std::span<const Value> args, int depth) {
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
      note_not_offered(def->name, why);
      return out;
    }
    types.push_back(*t);
  }
  auto r = call_host<ValueAdapter>(*this, name, args, types, depth);
  out.kind = r.kind;
  out.result = std::move(r.result);
  out.output = std::move(r.output);
  out.reason = std::move(r.reason);
  static_cast<ErrorText&>(out) = std::move(r.error);
  return out;
}

void CompiledProgram::note_not_offered(const std::string& name, const std::string& reason) {
  auto& rec = records_[name + "(...) " + reason];  // one line per reason
  rec.function = name;
  rec.signature = name + "(...)";
  rec.reason = reason;
  rec.calls++;
}

void CompiledProgram::note_fallback(const std::string& key, const std::string& reason) {
  auto it = records_.find(key);
  if (it == records_.end() || !it->second.compiled) return;
  it->second.fallbacks++;
  it->second.fallback_reason = reason;
}

void CompiledProgram::note_fallback(const Prepared& p, const std::string& reason) {
  p.record->fallbacks++;
  p.record->fallback_reason = reason;
}

void CompiledProgram::count_call(const Prepared& p) { p.record->calls++; }

const Prepared* CompiledProgram::prepared(const ast::Stmt* def, const std::vector<Type>& types, std::string* why) {
  Unit* u = unit_for(def, types, why);
  return u ? &u->prepared : nullptr;
}

const Prepared* CompiledProgram::prepare(const std::string& name, const std::vector<Type>& types, std::string* why,
                                         std::string* key) {
  const ast::Stmt* def = typer_.find_function(name);
  if (!def) {
    if (why) *why = "no top-level function '" + name + "' defined once";
    return nullptr;
  }
  Unit* u = unit_for(def, types, why);
  std::string k = signature_key(def->name, types);
  records_[k].calls++;
  if (key) *key = std::move(k);
  return u ? &u->prepared : nullptr;
}

// The trap's RtError as the Python exception compiled code raised, or a reason to run the call
// interpreted (an int past 64 bits, the recursion limit...).
static bool read_trap(eng::Instance& inst, const eng::WasmError& e, const LanguagePack& pack, const Prepared& p,
                      RawOutcome& out) {
  RtError code = static_cast<RtError>(inst.global_value("ml_err"));
  int32_t pos = static_cast<int32_t>(inst.global_value("ml_err_line"));
  int line = pos_line(pos), col = pos_col(pos);
  if (code == RtError::UnboundLocal && p.unbound_names && p.unbound_names->count(pos)) {
    out.kind = CallOutcome::Error;
    ErrorText& er = out.error;
    er.line = line;
    er.col = col;
    er.error_class = "UnboundLocalError";
    er.message_id = "runtime.unbound_local";
    er.message_args = {{"name", p.unbound_names->at(pos)}};
    er.message = pack.message(er.message_id, er.message_args);
    return true;
  }
  const char* zero_div = zero_division_message(code);
  if (!zero_div && code != RtError::Index && code != RtError::IndexStore && code != RtError::StrIndex &&
      code != RtError::TupleIndex) {
    out.reason = code == RtError::None ? std::string("trap in compiled code: ") + e.what()
                 : line > 0            ? fmt::format("{} at line {}", to_string(code), line)
                                       : std::string(to_string(code));
    return false;
  }
  out.kind = CallOutcome::Error;
  ErrorText& er = out.error;
  er.line = line;
  er.col = col;
  er.error_class = zero_div ? "ZeroDivisionError" : "IndexError";
  if (zero_div) er.message_id = zero_div;
  else if (code == RtError::Index || code == RtError::StrIndex || code == RtError::TupleIndex) {
    er.message_id = "runtime.index_out_of_range";
    er.message_args = {{"type", code == RtError::Index ? "list" : code == RtError::StrIndex ? "string" : "tuple"}};
  }
  er.message = er.message_id.empty() ? "list assignment index out of range" : pack.message(er.message_id, er.message_args);
  return true;
}

RawOutcome CompiledProgram::run_prepared(const Prepared& p, std::span<const eng::Val> vals, int depth,
                                         uint32_t heap_end) {
  RawOutcome out;
  eng::Instance& inst = *p.inst;
  // The arguments go to the argument area, 8 bytes each (an i32 in the low half); the entry
  // takes the heap start and the depth limit. Written in place where the engine's memory is
  // addressable (a crossing costs no more than it must); an engine whose memory the host cannot
  // address (the browser's) gets them, and gives the result, through memory_write/memory_read.
  const bool direct = inst.memory_is_direct();
  uint8_t small[16 * kSlot];
  std::vector<uint8_t> big;
  uint8_t* area = small;
  if (direct) {
    area = inst.memory_data() + p.args_at;
  } else if (vals.size() > 16) {
    big.resize(vals.size() * kSlot);
    area = big.data();
  }
  for (size_t i = 0; i < vals.size(); ++i) {
    uint64_t bits = 0;
    switch (vals[i].type) {
      case eng::ValType::I64: bits = static_cast<uint64_t>(vals[i].i64); break;
      case eng::ValType::F64: std::memcpy(&bits, &vals[i].f64, 8); break;
      default: bits = static_cast<uint32_t>(vals[i].i32); break;
    }
    std::memcpy(area + kSlot * i, &bits, 8);
  }
  if (!direct && !vals.empty()) inst.memory_write(p.args_at, std::span<const uint8_t>(area, vals.size() * kSlot));
  const eng::Val entry[2] = {eng::Val::I32(static_cast<int32_t>(std::max(heap_end, p.heap_base))),
                             eng::Val::I32(std::max(1, opts_.recursion_limit - depth))};
  if (!out_.empty()) out_.clear();
  eng::Val result;
  try {
    inst.call(p.enter, std::span<const eng::Val>(entry, 2), std::span<eng::Val>());
    if (!(p.ret == kNone)) {
      uint8_t copy[8];
      const uint8_t* r = copy;
      if (direct) r = inst.memory_data() + p.args_at;  // again: the call may have grown the memory
      else inst.memory_read(p.args_at, std::span<uint8_t>(copy, 8));
      switch (wtype(p.ret)) {
        case WType::I64: std::memcpy(&result.i64, r, 8); result.type = eng::ValType::I64; break;
        case WType::F64: std::memcpy(&result.f64, r, 8); result.type = eng::ValType::F64; break;
        default: std::memcpy(&result.i32, r, 4); result.type = eng::ValType::I32; break;
      }
    }
  } catch (const eng::WasmError& e) {
    if (e.kind() == eng::ErrorKind::Timeout || e.kind() == eng::ErrorKind::Interrupted) throw;
    if (e.kind() != eng::ErrorKind::Trap) {
      out.reason = std::string("engine error: ") + e.what();
      out_.clear();
      return out;
    }
    if (!read_trap(inst, e, pack_, p, out)) {
      out_.clear();
      return out;
    }
    out.output = std::move(out_);
    out_.clear();
    return out;
  }
  if (!out_.empty()) {
    out.output = std::move(out_);
    out_.clear();
  }
  out.kind = CallOutcome::Ok;
  out.result = result;
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
  return wat(def, types);
}

std::string CompiledProgram::wat(const ast::Stmt* def, const std::vector<Type>& types) {
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

// The record of a function not called from the interpreter: compiled into the callers that
// call it, a kind of function that runs on the interpreter, or never called.
ExplainRecord CompiledProgram::not_called(const ast::Stmt& def) const {
  ExplainRecord r;
  r.function = typer_.qualname(&def);
  bool method = r.function != def.name;
  if (def.is_generator) r.reason = "a generator: generators run on the interpreter";
  else if (def.is_async) r.reason = "an async function: coroutines run on the interpreter";
  else if (!def.decorators.empty()) r.reason = "decorated: the decorator's result runs on the interpreter";
  else if (!method && !typer_.find_function(def.name)) r.reason = "defined more than once";
  if (!r.reason.empty()) return r;
  std::set<std::string> callers;
  std::string prefix = r.function + "(";
  for (const auto& [key, unit] : units_) {
    auto rec = records_.find(key);
    if (!unit->inst || rec == records_.end() || rec->second.function == r.function) continue;
    for (const auto& f : unit->gen.functions)
      if (f.rfind(prefix, 0) == 0) callers.insert(rec->second.signature.empty() ? key : rec->second.signature);
  }
  r.compiled_into.assign(callers.begin(), callers.end());
  r.compiled = !callers.empty();
  if (callers.empty()) r.reason = "not called";
  return r;
}

std::vector<ExplainRecord> CompiledProgram::explain() const {
  std::vector<ExplainRecord> out;
  std::set<std::string> seen;
  auto add = [&](const ast::Stmt& d) {
    std::string name = typer_.qualname(&d);
    if (!seen.insert(name).second) return;
    bool any = false;
    for (const auto& [k, r] : records_)
      if (r.function == name) {
        out.push_back(r);
        any = true;
      }
    if (!any) out.push_back(not_called(d));
  };
  for (const auto& s : module_.body) {
    if (s->kind == ast::StmtKind::FunctionDef) add(*s);
    // methods: only those that ran, or ran inside compiled code (the rest says nothing new)
    if (s->kind == ast::StmtKind::ClassDef)
      for (const auto& m : s->body)
        if (m->kind == ast::StmtKind::FunctionDef) {
          std::string name = typer_.qualname(m.get());
          bool any = false;
          for (const auto& [k, r] : records_) any |= r.function == name;
          ExplainRecord nc = any ? ExplainRecord{} : not_called(*m);
          if (any || nc.compiled) add(*m);
        }
  }
  return out;
}

std::string CompiledProgram::explain_text() const {
  std::string s;
  for (const auto& r : explain()) {
    std::string sig = r.signature.empty() ? r.function : r.signature;
    if (!r.compiled_into.empty())
      s += fmt::format("{}: wasm, inside {} (called only from compiled code)\n", sig, fmt::join(r.compiled_into, ", "));
    else if (r.compiled && r.fallbacks == 0) s += fmt::format("{}: wasm ({} call{})\n", sig, r.calls, r.calls == 1 ? "" : "s");
    else if (r.compiled)
      s += fmt::format("{}: wasm ({} call{}), {} handed back to the interpreter ({})\n", sig, r.calls,
                       r.calls == 1 ? "" : "s", r.fallbacks == r.calls ? "all" : std::to_string(r.fallbacks),
                       r.fallback_reason);
    else s += fmt::format("{}: interpreter ({})\n", sig, r.reason);
  }
  return s;
}

}  // namespace ml::wasm
