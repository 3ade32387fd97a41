// Instance layouts (shapes, hidden classes): the attribute names an instance holds, in the order
// it got them, and so the slot each sits in. Instances that get the same names in the same order
// share a shape, so an attribute cache guarding on the shape indexes the slot directly, and an
// instance holds its values in one array instead of a hash map of its own.
//
// The shapes of a class form a tree from its empty root: adding a name moves an instance to the
// child for that name (made on first use). An instance that outgrows the limits below, or whose
// attributes are deleted or taken as a dict (`__dict__`, vars()), keeps them in a dict instead.
#pragma once
#include <new>
#include <string_view>
#include <vector>

#include "interp/value.h"

namespace ml::interp {

struct Shape {
  static constexpr uint32_t kMaxSlots = 64;    // more names: dict mode
  static constexpr uint32_t kMaxShapes = 512;  // per class: more layouts, dict mode

  ClassObj* cls;
  Shape* root;
  uint32_t size = 0;          // number of names
  uint32_t count = 1;         // root only: shapes in the tree
  uint32_t room = 0;          // root only: most names any shape of the class has (slot array size)
  std::vector<Value> keys;    // the interned names, by slot
  std::vector<int64_t> hashes;
  struct Edge { Value key; Shape* to; };
  std::vector<Edge> next;     // children, owned

  Shape(ClassObj* c, Shape* r) : cls(c), root(r ? r : this) {}
  ~Shape();
  int32_t slot_of(std::string_view name, int64_t h) const;  // -1: absent
  // The shape with `name` added (interned); null when past the limits.
  Shape* add(std::string_view name, int64_t h);
};

// The shape an instance of `cls` starts with.
Shape* root_shape(ClassObj* cls);

// Calls f(key, value) for each attribute of an instance, in order.
template <class F>
void for_each_attr(InstObj* in, F f) {
  if (in->shape) {
    for (uint32_t i = 0; i < in->shape->size; ++i) f(in->shape->keys[i], in->slots[i]);
  } else {
    in->dict_->for_each(f);
  }
}

// Makes room in an instance's slot array for the shape `to`.
void inst_grow(InstObj* in, const Shape* to);

// An instance moved to `to` (its shape with one name more) with that name's value.
inline void inst_append(InstObj* in, Shape* to, Value v) {
  uint32_t n = to->size - 1;
  if (__builtin_expect(n >= in->cap, 0)) inst_grow(in, to);
  new (&in->slots[n]) Value(std::move(v));
  in->shape = to;
}

}  // namespace ml::interp
