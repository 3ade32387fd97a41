// The cycle collector's interface (gc.cpp), for the gc module (lib/gc.cpp) and the interpreter's
// safe points (handle_interrupt).
#pragma once
#include <cstdint>
#include <vector>

#include "interp/value.h"

namespace ml::interp {

// A collection asked for by the allocation count (Interp::kGcPending), at a safe point.
void gc_run_requested();
// Stops tracking every object (they are never collected): an interpreter is going away.
void gc_forget_all();
// gc.collect(generation): the number of unreachable objects found.
int64_t gc_collect(int generation);
bool gc_enabled();
void gc_set_enabled(bool on);
bool gc_is_tracked(const Object* o);
bool gc_is_finalized(const Object* o);
void gc_counts(int64_t out[3]);
void gc_thresholds(int64_t out[3]);
void gc_set_thresholds(const int64_t t[3]);
void gc_stats(int64_t collections[3], int64_t collected[3]);
// Every tracked object alive (not being built or destroyed).
std::vector<Object*> gc_objects();
// The objects `o` refers to that could be part of a cycle (gc.get_referents).
void gc_referents(Object* o, std::vector<Object*>& out);

}  // namespace ml::interp
