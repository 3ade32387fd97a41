// bytearray: a mutable bytes. Its objects are BytesObj (kind OK::Bytes, so every read-only
// bytes operation applies) whose type is the bytearray class; the protocol asks here for what
// differs: results typed like the operand, item and slice assignment, in-place + and *.
#pragma once
#include "interp/runtime.h"

namespace ml::interp {

extern ClassObj* g_bytearray_type;
inline bool is_bytearray(const Value& v) { return v.is(OK::Bytes) && v.o->type == g_bytearray_type; }

// New bytes, or a new bytearray when `like` is one (slices, concatenation, repetition).
Value mk_bytes_like(const Value& like, std::string s);
void bytearray_setitem(const Value& ba, const Value& key, const Value& v);
void bytearray_delitem(const Value& ba, const Value& key);
// `ba += x` and `ba *= n` change ba itself (as for lists).
Value bytearray_inplace(ast::BinOp op, const Value& ba, const Value& b);
// The class, its constructor and methods; bytes' methods are given results of its type.
void init_bytearray(void (*init_bytes_methods_on)(ClassObj*));

}  // namespace ml::interp
