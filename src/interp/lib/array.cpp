// _array: the item access of stdlib/array.py's array in C++. An array keeps its items in a list
// (its `_v`) with its `typecode`; a[i] and a[i] = x are what numeric code does in its inner loops,
// and as Python methods each was a function call of the interpreter. These take the common cases
// (an int index; a float or int stored into a 'd', 'f' or integer array) and hand everything else
// (slices, other types, errors) to the Python methods _getitem and _setitem.
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ValueVec* items_of(const Value& self) {
  if (!self.is(OK::Inst)) return nullptr;
  Value* v = self.as<InstObj>()->find_attr("_v");
  return v && v->is(OK::List) ? &v->as<ListObj>()->v : nullptr;
}

char typecode_of(const Value& self) {
  Value* t = self.as<InstObj>()->find_attr("typecode");
  if (!t || !t->is(OK::Str)) return 0;
  const std::string& s = t->as<StrObj>()->s;
  return s.size() == 1 ? s[0] : 0;
}

// The range of an integer typecode's items; false for the others.
bool int_range(char tc, int64_t& lo, int64_t& hi) {
  switch (tc) {
    case 'b': lo = INT8_MIN; hi = INT8_MAX; return true;
    case 'B': lo = 0; hi = UINT8_MAX; return true;
    case 'h': lo = INT16_MIN; hi = INT16_MAX; return true;
    case 'H': lo = 0; hi = UINT16_MAX; return true;
    case 'i': lo = INT32_MIN; hi = INT32_MAX; return true;
    case 'I': lo = 0; hi = UINT32_MAX; return true;
    case 'l': case 'q': lo = INT64_MIN; hi = INT64_MAX; return true;
    default: return false;  // 'L' and 'Q' reach past int64: the Python check takes them
  }
}

// The value an item of typecode `tc` holds for `v`, or false when the Python check must decide
// (a wrong type or a value out of range: it raises the error CPython raises).
bool convert(char tc, const Value& v, Value& out) {
  if (tc == 'd' || tc == 'f') {
    double d;
    if (v.t == VT::Float) d = v.f;
    else if (v.t == VT::Int) d = (double)v.i;
    else return false;
    out = Value::flt(tc == 'f' ? (double)(float)d : d);
    return true;
  }
  int64_t lo, hi;
  if (v.t != VT::Int || !int_range(tc, lo, hi) || v.i < lo || v.i > hi) return false;
  out = v;
  return true;
}

Value item_get(ARGS) {
  check_args("__getitem__", n, 2, 2);
  if (a[1].t == VT::Int) {
    if (ValueVec* v = items_of(a[0])) {
      int64_t i = a[1].i, len = (int64_t)v->size();
      if (i < 0) i += len;
      if (i < 0 || i >= len) raise_id("IndexError", "runtime.index_out_of_range", {{"type", "array"}});
      return (*v)[(size_t)i];
    }
  }
  return call1(getattr(a[0], "_getitem"), a[1]);
}

Value item_set(ARGS) {
  check_args("__setitem__", n, 3, 3);
  if (a[1].t == VT::Int) {
    if (ValueVec* v = items_of(a[0])) {
      int64_t i = a[1].i, len = (int64_t)v->size();
      if (i < 0) i += len;
      Value x;
      if (i >= 0 && i < len && convert(typecode_of(a[0]), a[2], x)) {
        (*v)[(size_t)i] = std::move(x);
        return Value();
      }
    }
  }
  return call2(getattr(a[0], "_setitem"), a[1], a[2]);
}

}  // namespace

void init_array() {
  Value m = lib_module("_array");
  DictObj* d = module_dict(m);
  def_native(d, "getitem", item_get);
  def_native(d, "setitem", item_set);
}

}  // namespace ml::interp
