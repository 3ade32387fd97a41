// A key for the compiled types of a call's arguments, made in one walk without hashing or
// allocating (its buffers are reused from call to call).
//
// Typing the arguments of a call that passes instances (InstanceTypes) walks every instance
// they reach with hash sets and builds a type per class: microseconds, on every call of a
// method. Those types are a function of what the walk sees: the classes, the attribute layouts
// (shapes) and the kinds of the values held, in the walk's order. The key records exactly that,
// so a call whose key equals one already typed, under the same class epoch (any change to a
// class dict bumps it, and a new class gets new shapes), has the same argument types.
#pragma once
#include <cstdint>
#include <vector>

#include "interp/runtime.h"

namespace ml::tiering {

class ArgumentKey {
 public:
  // Beyond these the call is typed in full (the key would cost about what typing does).
  static constexpr size_t kMaxWords = 1024;
  static constexpr size_t kMaxInstances = 64;

  // The key of these arguments; false when they hold something the key does not describe (a
  // dict-mode instance, a big int, a string that is not UTF-8, too much): type them in full.
  bool make(const interp::Value* args, int nargs);
  const std::vector<uint64_t>& words() const { return words_; }
  // How many distinct instances the arguments reach (what InstanceTypes::instances counts).
  size_t instances() const { return seen_.size(); }

 private:
  bool add(const interp::Value& v, int depth);
  bool add_instance(interp::InstObj* o, int depth);
  std::vector<uint64_t> words_;
  std::vector<const interp::InstObj*> seen_;
};

}  // namespace ml::tiering
