// Instance layouts and the instance attribute storage built on them (see shape.h).
#include "interp/shape.h"

#include "interp/runtime.h"

namespace ml::interp {

Shape::~Shape() {
  for (auto& e : next) delete e.to;
}

int32_t Shape::slot_of(std::string_view name, int64_t h) const {
  for (uint32_t i = 0; i < size; ++i)
    if (hashes[i] == h && keys[i].as<StrObj>()->s == name) return (int32_t)i;
  return -1;
}

Shape* Shape::add(std::string_view name, int64_t h) {
  for (auto& e : next)
    if (e.key.as<StrObj>()->hash == h && e.key.as<StrObj>()->s == name) return e.to;
  if (size >= kMaxSlots || root->count >= kMaxShapes) return nullptr;
  auto* s = new Shape(cls, root);
  s->size = size + 1;
  s->keys = keys;
  s->hashes = hashes;
  Value key = intern_str(name);
  s->keys.push_back(key);
  s->hashes.push_back(h);
  next.push_back({key, s});
  ++root->count;
  if (s->size > root->room) root->room = s->size;
  return s;
}

Shape* root_shape(ClassObj* cls) {
  if (!cls->root_shape) cls->root_shape = new Shape(cls, nullptr);
  return cls->root_shape;
}

static void free_slots(InstObj* in, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) in->slots[i].~Value();
  if (in->slots) object_free(in->slots, in->cap * sizeof(Value));
  in->slots = nullptr;
  in->cap = 0;
}

void inst_grow(InstObj* in, const Shape* to) {
  uint32_t n = to->size - 1;
  // Room for as many names as the class's instances have had, so that an instance filled in
  // by __init__ allocates once.
  uint32_t cap = to->root->room > n ? to->root->room : n + 1;
  if (cap < 2 * in->cap) cap = 2 * in->cap;
  auto* s = static_cast<Value*>(object_alloc(cap * sizeof(Value)));
  for (uint32_t i = 0; i < n; ++i) {
    new (&s[i]) Value(std::move(in->slots[i]));
    in->slots[i].~Value();
  }
  if (in->slots) object_free(in->slots, in->cap * sizeof(Value));
  in->slots = s;
  in->cap = cap;
}

InstObj::InstObj(ClassObj* cls) : Object(OK::Inst, cls), shape(root_shape(cls)) {
  incref(cls);
}

InstObj::~InstObj() { free_slots(this, shape ? shape->size : 0); }

DictObj* InstObj::dict() {
  if (shape) {
    auto* d = new DictObj();
    dict_ = Ref<DictObj>(d);
    if (shape->size) d->reserve(shape->size);
    for (uint32_t i = 0; i < shape->size; ++i) d->set(shape->keys[i], std::move(slots[i]));
    free_slots(this, shape->size);
    shape = nullptr;
  }
  return dict_.get();
}

Value* InstObj::find_attr(std::string_view name, int64_t h) {
  if (shape) {
    int32_t i = shape->slot_of(name, h);
    return i < 0 ? nullptr : &slots[i];
  }
  return dict_->find_str(name, h);
}

Value* InstObj::find_attr(std::string_view name) { return find_attr(name, str_hash_sv(name)); }

void InstObj::set_attr(std::string_view name, Value v) {
  if (shape) {
    int64_t h = str_hash_sv(name);
    int32_t i = shape->slot_of(name, h);
    if (i >= 0) {
      slots[i] = std::move(v);
      return;
    }
    if (Shape* to = const_cast<Shape*>(shape)->add(name, h)) {
      inst_append(this, to, std::move(v));
      return;
    }
  }
  dict()->set(str_key(name), std::move(v));
}

void InstObj::set_attr(const Value& key, Value v) {
  if (shape && key.is(OK::Str)) {
    set_attr(std::string_view(str_of(key)), std::move(v));
    return;
  }
  dict()->set(key, std::move(v));
}

bool InstObj::del_attr(std::string_view name) {
  if (shape && shape->slot_of(name, str_hash_sv(name)) < 0) return false;
  return dict()->erase(str_key(name));
}

size_t InstObj::attr_count() const { return shape ? shape->size : dict_->size(); }

}  // namespace ml::interp
