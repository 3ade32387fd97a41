// AST -> evaluation nodes: names. Where a name lives (local slot, cell, closure, globals,
// class namespace) is decided here once, and each kind of place has its load and store node.
#include "interp/compile_impl.h"
#include "lang/pack.h"

namespace ml::interp {

using namespace ast;

[[noreturn]] void unbound_local(const std::string& name) {
  raise_id("UnboundLocalError", "runtime.unbound_local", {{"name", name}});
}
[[noreturn]] static void undefined_name(const std::string& name) {
  raise_id("NameError", "runtime.undefined_name", {{"name", name}});
}

struct LoadCell : ENode {
  int slot;
  std::string name;
  Value eval(Frame& fr) override {
    auto* c = fr.slots[slot].as<CellObj>();
    if (!c->bound) ML_GUARD(unbound_local(name));
    return c->v;
  }
};
struct StoreCell : TNode {
  int slot;
  std::string name;
  void store(Frame& fr, Value v) override {
    auto* c = fr.slots[slot].as<CellObj>();
    c->v = std::move(v);
    c->bound = true;
  }
  void del(Frame& fr) override {
    auto* c = fr.slots[slot].as<CellObj>();
    if (!c->bound) ML_GUARD(unbound_local(name));
    c->v = Value();
    c->bound = false;
  }
};
struct LoadFree : ENode {
  int idx;
  std::string name;
  Value eval(Frame& fr) override {
    CellObj* c = fr.func->closure[idx].get();
    if (!c->bound) ML_GUARD(raise_id("NameError", "runtime.free_variable", {{"name", name}}));
    return c->v;
  }
};
struct StoreFree : TNode {
  int idx;
  void store(Frame& fr, Value v) override {
    CellObj* c = fr.func->closure[idx].get();
    c->v = std::move(v);
    c->bound = true;
  }
  void del(Frame& fr) override {
    CellObj* c = fr.func->closure[idx].get();
    c->v = Value();
    c->bound = false;
  }
};

static int64_t sv_hash(const std::string& s) { return hash_value(mk_str(s)); }

// Builtins written in the language (complex): their module is imported the first time a
// program names one, and the builtin stays defined from then on.
static Value* lazy_builtin(const std::string& name, int64_t h) {
  static const std::pair<const char*, const char*> table[] = {{"complex", "_complex"}, {"memoryview", "_memoryview"}};
  for (const auto& [builtin, module] : table)
    if (name == builtin) {
      Value v = getattr(import_module(module), builtin);
      I->builtins->set(mk_str(name), v);
      return I->builtins->find_str(name, h);
    }
  return nullptr;
}

const Value& LoadGlobal::find_slow(Frame& fr) {
  DictObj* g = fr.globals;
  if (Value* v = g->find_str(name, h)) {
    cg = g; cgv = g->version; cb = nullptr; cptr = v;
    return *v;
  }
  if (Value* v = I->builtins->find_str(name, h)) {
    cg = g; cgv = g->version; cb = I->builtins.get(); cbv = cb->version; cptr = v;
    return *v;
  }
  Value* lazy = nullptr;
  ML_GUARD(lazy = lazy_builtin(name, h));
  if (lazy) return *lazy;
  ML_GUARD(undefined_name(name));
}

struct StoreGlobal : TNode {
  std::string name;
  Value key;
  void store(Frame& fr, Value v) override { fr.globals->set(key, std::move(v)); }
  void del(Frame& fr) override {
    if (!fr.globals->erase(key)) ML_GUARD(undefined_name(name));
  }
};
struct LoadClassNS : ENode {
  std::string name;
  int64_t h;
  Value eval(Frame& fr) override {
    if (Value* v = fr.ns->find_str(name, h)) return *v;
    if (Value* v = fr.globals->find_str(name, h)) return *v;
    if (Value* v = I->builtins->find_str(name, h)) return *v;
    Value* lazy = nullptr;
    ML_GUARD(lazy = lazy_builtin(name, h));
    if (lazy) return *lazy;
    ML_GUARD(undefined_name(name));
  }
};
struct LoadClassFree : ENode {
  std::string name;
  int64_t h;
  int idx;
  Value eval(Frame& fr) override {
    if (Value* v = fr.ns->find_str(name, h)) return *v;
    CellObj* c = fr.func->closure[idx].get();
    if (!c->bound) ML_GUARD(undefined_name(name));
    return c->v;
  }
};
struct StoreClassNS : TNode {
  std::string name;
  Value key;
  void store(Frame& fr, Value v) override { fr.ns->set(key, std::move(v)); }
  void del(Frame& fr) override {
    if (!fr.ns->erase(key)) ML_GUARD(undefined_name(name));
  }
};

// ================================================================ the compiler (expressions)
bool is_canonical(const LanguagePack* pack, const std::string& name, const char* canon) {
  if (name == canon) return true;
  if (!pack) return false;
  auto it = pack->builtins.find(name);
  return it != pack->builtins.end() && it->second == canon;
}

NameRef Compiler::resolve(const std::string& name) {
  NameRef r;
  Scope* s = scope;
  if (s->kind == Scope::Module) { r.kind = NameRef::Global; return r; }
  auto it = s->syms.find(name);
  if (s->kind == Scope::Class) {
    bool bound = it != s->syms.end() && it->second.bound;
    int fi = s->free_index(name);
    if (!bound && fi >= 0) { r.kind = NameRef::ClassFree; r.idx = fi; return r; }
    r.kind = NameRef::ClassNS;
    return r;
  }
  if (it == s->syms.end()) { r.kind = NameRef::Global; return r; }
  const Sym& y = it->second;
  if (y.global) { r.kind = NameRef::Global; return r; }
  if (y.free) { r.kind = NameRef::Free; r.idx = s->free_index(name); return r; }
  if (y.bound || y.param) {
    auto si = slots.find(name);
    r.idx = si->second;
    r.kind = y.cell ? NameRef::Cell : NameRef::Local;
    return r;
  }
  r.kind = NameRef::Global;
  return r;
}

EP Compiler::load_name(const std::string& name, Loc loc) {
  NameRef r = resolve(name);
  ENode* n = nullptr;
  switch (r.kind) {
    case NameRef::Local: { auto* k = new LoadLocal(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Cell: { auto* k = new LoadCell(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Free: { auto* k = new LoadFree(); k->idx = r.idx; k->name = name; n = k; break; }
    case NameRef::Global: { auto* k = new LoadGlobal(); k->name = name; k->h = sv_hash(name); n = k; break; }
    case NameRef::ClassNS: { auto* k = new LoadClassNS(); k->name = name; k->h = sv_hash(name); n = k; break; }
    case NameRef::ClassFree: { auto* k = new LoadClassFree(); k->name = name; k->h = sv_hash(name); k->idx = r.idx; n = k; break; }
  }
  n->loc = loc;
  return EP(n);
}

TP Compiler::store_name(const std::string& name, Loc loc) {
  NameRef r = resolve(name);
  TNode* n = nullptr;
  switch (r.kind) {
    case NameRef::Local: { auto* k = new StoreLocal(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Cell: { auto* k = new StoreCell(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Free: { auto* k = new StoreFree(); k->idx = r.idx; n = k; break; }
    case NameRef::Global: { auto* k = new StoreGlobal(); k->name = name; k->key = str_key(name); n = k; break; }
    case NameRef::ClassNS: case NameRef::ClassFree: { auto* k = new StoreClassNS(); k->name = name; k->key = str_key(name); n = k; break; }
  }
  n->loc = loc;
  return TP(n);
}

}  // namespace ml::interp
