// Runs a French and an English program in this process, catches a localized error, and calls a
// library operation through the backend selector.
#include <multilingual/multilingual.h>

#include <iostream>

int main() {
  multilingual::ProgramExecutor executor;
  executor.set_output(std::cout);

  // The language is detected from the text, or given.
  executor.run("pour i dans intervalle(3):\n    afficher(\"bonjour\", i)\n");
  executor.run("def square(x):\n    return x * x\nprint(square(12))\n", "en");

  // Errors come back in the program's language, with their location.
  multilingual::RunResult bad = executor.run("x = 1\nafficher(x / 0)\n", "fr");
  if (bad.error)
    std::cout << "error " << bad.error->kind() << " at line " << bad.error->location().line << ": "
              << bad.error->message() << "\n";

  multilingual::BackendSelector selector;
  multilingual::Value fib = selector.call("fibonacci", 30);
  std::cout << "fibonacci(30) = " << fib.as_int() << " on " << multilingual::to_string(selector.backend()) << "\n";
  return bad.error && bad.error->kind() == "ZeroDivisionError" ? 0 : 1;
}
