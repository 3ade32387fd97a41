#include "tiering/argument_key.h"

#include <algorithm>

#include "interp/code.h"
#include "interp/shape.h"
#include "wasm/codegen.h"
#include "wasm/compiled_program.h"

namespace ml::tiering {

namespace iv = ml::interp;

namespace {
// Tags (small numbers: the pointers recorded after some of them are never this small).
enum : uint64_t {
  kTagInt = 1,      // an int of 50 bits (one that may share a field with floats: wasm/codegen.h)
  kTagWideInt,      // an int of 64 bits
  kTagFloat,
  kTagBool,
  kTagNone,
  kTagStr,
  kTagScalarList,   // then the kind: a non-empty list of ints, floats or bools only
  kTagList,         // then the items, then kTagEnd
  kTagEnd,
  kTagTuple,        // then the size and the items
  kTagInstance,     // then the class, the shape and the attribute values
  kTagSeen,         // an instance met before: then its index among those met
  kTagFunction,     // then the definition, the source and whether it has a closure
};
constexpr int kMaxDepth = 16;

uint64_t word(const void* p) { return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)); }
}  // namespace

bool ArgumentKey::make(const iv::Value* args, int nargs) {
  words_.clear();
  seen_.clear();
  for (int i = 0; i < nargs; ++i)
    if (!add(args[i], 0)) return false;
  return true;
}

bool ArgumentKey::add(const iv::Value& v, int depth) {
  if (words_.size() >= kMaxWords || depth > kMaxDepth) return false;
  switch (v.t) {
    case iv::VT::Int: words_.push_back(wasm::num_fits(v.i) ? kTagInt : kTagWideInt); return true;
    case iv::VT::Float: words_.push_back(kTagFloat); return true;
    case iv::VT::Bool: words_.push_back(kTagBool); return true;
    case iv::VT::None: words_.push_back(kTagNone); return true;
    case iv::VT::Obj: break;
    default: return false;
  }
  switch (v.o->kind) {
    case iv::OK::Str:
      if (!wasm::is_valid_utf8(v.as<iv::StrObj>()->s)) return false;
      words_.push_back(kTagStr);
      return true;
    case iv::OK::Inst: return add_instance(v.as<iv::InstObj>(), depth);
    case iv::OK::Func: {
      const auto* f = v.as<iv::FuncObj>();
      words_.insert(words_.end(), {kTagFunction, word(f->code->def), word(f->code->src), f->closure.empty() ? 0u : 1u});
      return true;
    }
    case iv::OK::Tuple: {
      const auto& items = v.as<iv::TupleObj>()->v;
      words_.insert(words_.end(), {kTagTuple, items.size()});
      for (const auto& x : items)
        if (!add(x, depth + 1)) return false;
      return true;
    }
    case iv::OK::List: {
      const auto& items = v.as<iv::ListObj>()->v;
      // a list of one scalar kind (the common case) is typed by that kind alone
      if (!items.empty() && (items[0].is_int() || items[0].is_float() || items[0].is_bool())) {
        iv::VT t0 = items[0].t;
        bool same = std::all_of(items.begin(), items.end(), [t0](const iv::Value& x) { return x.t == t0; });
        if (same) {
          words_.insert(words_.end(), {kTagScalarList, static_cast<uint64_t>(t0)});
          return true;
        }
      }
      words_.push_back(kTagList);
      for (const auto& x : items)
        if (!add(x, depth + 1)) return false;
      words_.push_back(kTagEnd);
      return true;
    }
    default: return false;
  }
}

// An instance: its class and layout, then what its attributes hold; one met before is recorded
// by its index, so the key gives the graph of instances (what refers to what), not only kinds.
bool ArgumentKey::add_instance(iv::InstObj* o, int depth) {
  for (size_t k = 0; k < seen_.size(); ++k)
    if (seen_[k] == o) {
      words_.insert(words_.end(), {kTagSeen, k});
      return true;
    }
  if (!o->shape || seen_.size() >= kMaxInstances) return false;
  seen_.push_back(o);
  words_.insert(words_.end(), {kTagInstance, word(o->type), word(o->shape)});
  for (uint32_t i = 0; i < o->shape->size; ++i)
    if (!add(o->slots[i], depth + 1)) return false;
  return true;
}

}  // namespace ml::tiering
