// Limits shared by the interpreter and compiled code.
#pragma once

namespace ml {

// Python's default recursion limit (sys.getrecursionlimit()): the frames of Python code that
// may be on the stack at once, the module's own frame included. Compiled code counts the same
// frames and hands a deeper call back to the interpreter, which raises the RecursionError.
constexpr int kRecursionLimit = 1000;

}  // namespace ml
