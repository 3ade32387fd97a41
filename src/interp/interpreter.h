// The reference interpreter's public API.
//
//   ml::interp::RunOptions opts{&std::cout, &std::cin, &pack};
//   ml::interp::Interpreter interp(opts);
//   try { interp.exec_module(module); }
//   catch (const ml::interp::PyError& e) { std::cerr << interp.render_error(e); }
//
// Programs run on a large C++ stack of their own (program_stack.h), so deep recursion ends in
// a RecursionError (limit RunOptions::recursion_limit), never in a crash.
#pragma once
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interp/value.h"
#include "support/limits.h"
#include "parse/ast.h"

namespace ml { struct LanguagePack; }

namespace ml::interp {

struct PyError;
struct Interp;
struct FuncObj;

struct RunOptions {
  std::ostream* out = nullptr;       // print() goes here (std::cout if null)
  std::istream* in = nullptr;        // input() reads here (std::cin if null)
  const LanguagePack* pack = nullptr;  // messages, localized builtin aliases
  int recursion_limit = kRecursionLimit;
  size_t stack_bytes = size_t(512) << 20;  // C++ stack the program runs on
  // When set, an uncaught error's traceback is written here as the program ends, before the
  // atexit functions run (CPython's order); the caller then leaves it out (Interpreter::reported).
  std::ostream* err = nullptr;
};

// A native builtin callable from programs: receives positional args (and keyword args as
// name/value pairs), returns a value.
using NativeBuiltin = std::function<Value(const std::vector<Value>& args,
                                          const std::vector<std::pair<std::string, Value>>& kwargs)>;

// Told about every call of a user function (for `multilingual profile`). `key` identifies the
// function's code; enter/leave pair up even when the call ends in an exception.
struct CallObserver {
  virtual ~CallObserver() = default;
  virtual void enter(const void* key, const std::string& name, const std::string& file, int line) = 0;
  virtual void leave() = 0;
  // The call just entered was run by the compiled-call hook (WebAssembly), not interpreted.
  virtual void ran_compiled() {}
};

class Interpreter {
 public:
  explicit Interpreter(RunOptions opts);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs a parsed module in the persistent globals (successive calls share them: the REPL).
  // Throws PyError for an uncaught Python exception (SystemExit included).
  void exec_module(const ast::Module& m);
  // Like exec_module, but top-level expression statements record their value (REPL echo).
  void exec_repl(const ast::Module& m);

  // repr() of the value of the last top-level expression statement run by exec_repl, or
  // nullopt if there was none or it was None.
  std::optional<std::string> repr_of_last_expression();

  // "file:line:col: <Kind>: <message>\n  <source line>\n  ^" localized through the pack.
  std::string render_error(const PyError& e) const;
  // The Python class name of the exception ("ZeroDivisionError").
  static std::string error_kind(const PyError& e);
  // The exit status a SystemExit asks for, or nullopt if `e` is not a SystemExit.
  static std::optional<int> exit_status(const PyError& e);

  void set_pack(const LanguagePack* pack);  // REPL `:lang`
  // Thread-safe: asks the running program to stop with a TimeoutError ("timed out after
  // `ms` ms") at its next loop iteration or function call (`run --timeout-ms`).
  void interrupt(int ms);
  // sys.argv (argv[0] is the program's path, as in Python).
  void set_argv(const std::vector<std::string>& argv);
  // Async-signal-safe (a SIGINT handler calls it): the running program raises
  // KeyboardInterrupt at its next loop iteration or function call, as Python does on Ctrl-C.
  void interrupt_keyboard();
  // A keyboard interrupt was asked for and not yet raised (the program is inside one long
  // native or WebAssembly operation).
  bool keyboard_interrupt_pending() const;
  void register_builtin(const std::string& name, NativeBuiltin fn);
  // Per-call hook: when set, every call of a user function is first offered to it; returning
  // a value skips the interpreted call.
  void set_call_observer(CallObserver* observer);  // null to stop observing
  void set_compiled_call_hook(std::function<std::optional<Value>(FuncObj*, Value*, int)> hook);
  // How many frames are running now (the module's and its calls': what the recursion limit
  // bounds), and that limit (sys.getrecursionlimit()).
  int call_depth() const;
  int recursion_limit() const;

  // The error was already written to RunOptions::err.
  bool reported(const PyError& e) const;

 private:
  void run(const ast::Module& m, bool repl);
  std::unique_ptr<Interp> st_;
  RunOptions opts_;
  const void* reported_ = nullptr;  // the exception object last written to opts_.err
};

// Convenience for tests and tools: runs `m` with output captured into the returned string.
// Uncaught errors are rendered and appended (after the output), as the CLI prints them.
std::string run_capture(const ast::Module& m, const LanguagePack* pack, const std::string& stdin_text = "");

}  // namespace ml::interp
