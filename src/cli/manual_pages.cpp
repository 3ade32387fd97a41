// The manual's text, one page per command (the layout is manual.cpp's).
#include "cli/manual.h"

namespace ml::cli {

namespace {

constexpr std::string_view kRunStatus =
    "0  the program ended normally (or called sys.exit() without a status)\n"
    "1  the program stopped on an uncaught exception, or its source has a syntax error\n"
    "2  bad usage, a missing file, or a configuration error (file, line and key are named)\n"
    "130  interrupted with Ctrl-C (KeyboardInterrupt not caught)\n"
    "N  the status the program gave sys.exit(N)";

constexpr std::string_view kFrontStatus =
    "0  the program parsed\n"
    "1  the source has a syntax error (located, in the program's language)\n"
    "2  bad usage or a missing file";

const std::vector<ManualPage>& pages() {
  static const std::vector<ManualPage> all = {
      {"",
       "multilingual runs programs written in Python's semantics with the keywords, builtins and "
       "numerals of a human language: English (where programs are Python), French, Spanish, German, "
       "Hindi, Arabic, Chinese, Japanese and nine more. Errors are reported in the program's language, "
       "located at the file, line and column.\n\n"
       "Functions that run hot are compiled to WebAssembly and run on an embedded engine (V8); the "
       "rest is interpreted. A library of named operations (fibonacci, matrix_multiply, json_parse, "
       "image_blur, ...) runs natively or as WebAssembly kernels. Each command below has its own "
       "page: multilingual COMMAND --help, or man multilingual-COMMAND.",
       {{"multilingual run hello.py", "run a Python program"},
        {"multilingual run bonjour.ml --lang fr", "run a program written in French"},
        {"multilingual translate hello.py --to ja", "show the same program in Japanese"},
        {"multilingual call fibonacci 30 --backend wasm", "run one library operation on WebAssembly"},
        {"multilingual bench --sizes seed", "measure the library on every backend"},
        {"multilingual doctor", "show how the backend is chosen and where each setting came from"}},
       "0  success\n1  the program (or operation) failed\n2  bad usage or configuration\n130  interrupted",
       true},
      {"run",
       "Runs a program. Its human language is detected from its keywords unless --lang names it. "
       "Functions called often enough, over types the compiler handles, run as WebAssembly; "
       "--backend interpreter keeps everything interpreted, --backend wasm compiles every function it "
       "can. Either way the output is the same: a function that cannot be compiled (or whose arguments "
       "change type) runs interpreted, and --explain lists each function with the backend it ran on "
       "and why.\n\n"
       "Output is written as the program runs. An uncaught exception is reported with its location "
       "and the source line, in the program's language. A time limit (--timeout-ms) ends the program "
       "with a TimeoutError, a memory limit (--max-memory-mb) with a MemoryError; Ctrl-C raises "
       "KeyboardInterrupt, which the program may catch, also inside compiled code.",
       {{"multilingual run prog.py", "run a program; its language is detected"},
        {"multilingual run prog.ml --lang de -- --verbose", "German source; --verbose goes to sys.argv"},
        {"multilingual run prog.py --explain", "afterwards, list where each function ran and why"},
        {"multilingual run prog.py --backend interpreter --timeout-ms 5000", "interpreted, at most 5 s"},
        {"echo 'print(6 * 7)' | multilingual run -", "read the program from stdin"}},
       kRunStatus, true},
      {"check",
       "Parses a program (in its detected or given language) and reports the first syntax error, "
       "located and in the program's language, without running anything.",
       {{"multilingual check prog.py", "is it a valid program?"}},
       kFrontStatus},
      {"tokens",
       "Prints the tokens the lexer reads from a program, one per line with its line and column: "
       "useful to see how a language's keywords and numerals are recognised.",
       {{"multilingual tokens prog.ml --lang hi", "the tokens of a Hindi program"}},
       kFrontStatus},
      {"ast",
       "Prints the syntax tree of a program. The tree is the same whatever the human language the "
       "program is written in.",
       {{"multilingual ast prog.py", "the syntax tree"}},
       kFrontStatus},
      {"translate",
       "Re-renders a program in another human language: keywords, builtins and the names of the "
       "standard library change; the program's own names, strings and comments are kept. Running the "
       "translation prints what the original prints.",
       {{"multilingual translate hello.py --to fr", "the program in French, on stdout"},
        {"multilingual translate prog.ml --lang es --to en > prog.py", "a Spanish program as Python"}},
       kFrontStatus},
      {"repl",
       "An interactive session: each line (or block) runs as it is entered. :lang L switches the "
       "human language, :wasm turns compiling to WebAssembly on or off, :explain says where each "
       "function ran, :quit (or Ctrl-D) leaves. Line editing and history come from readline.",
       {{"multilingual repl --lang fr", "a session in French"}},
       "0  the session ended\n2  bad usage or configuration"},
      {"profile",
       "Runs a program and then prints, per function, how many calls it had, its own and cumulative "
       "time, and the backend it ran on: a table sorted by --sort, the first --limit rows.",
       {{"multilingual profile prog.py", "where the time goes"},
        {"multilingual profile prog.py --sort calls --limit 10", "the ten most called functions"}},
       kRunStatus, true},
      {"build",
       "Compiles a whole program to one WebAssembly module (with the runtime it needs), which runs "
       "without this tool: node web/loader.mjs out.wasm, or in a browser page served by `multilingual "
       "serve`. Programs using what the compiler does not handle are refused with the reason.",
       {{"multilingual build prog.py -o prog.wasm", "compile"},
        {"multilingual build prog.py --emit wat", "also print the module as WebAssembly text"}},
       "0  the module was written\n1  the program cannot be compiled (the reason is given)\n"
       "2  bad usage or configuration",
       true},
      {"doctor",
       "Shows how the backend is chosen, step by step: the configuration and where each value came "
       "from, the engine and its version, the kernels and the language packs found, the disk cache "
       "of compiled code, and the backend a call would use, with the reason.",
       {{"multilingual doctor", "everything"}, {"multilingual doctor --backend wasm", "with wasm forced"}},
       "0  done (a part that is missing is reported, not an error)\n2  bad configuration",
       true},
      {"call",
       "Runs one operation of the library with arguments written as JSON, on the backend the "
       "configuration picks (falling back, with the reason recorded, when WebAssembly cannot run it), "
       "and prints the result as JSON. --list shows every operation with its signature.",
       {{"multilingual call fibonacci 30", "832040"},
        {"multilingual call matrix_multiply '[[1,2],[3,4]]' '[[5,6],[7,8]]' -v", "and say which backend ran"},
        {"multilingual call --list", "every operation"}},
       "0  the operation ran\n1  the operation failed (bad argument, trap, time limit)\n"
       "2  bad usage, unknown operation, or bad configuration",
       true},
      {"bench",
       "Measures the library's operations on every backend (native C++, WebAssembly, and the "
       "interpreter where it applies) at the guide's sizes, and prints a table of medians with the "
       "ratio to the native run; --json and --plot write the same results as JSON and an SVG chart. "
       "A progress bar shows on a terminal. `bench pyperf` runs the pyperformance programs instead, "
       "each as a whole process under the interpreter, the automatic backend and python3 in turn, and "
       "prints a Markdown table of the best times with the ratios to python3 and their geometric means "
       "(--plot: an SVG chart of the ratios).",
       {{"multilingual bench", "every operation, quick sizes"},
        {"multilingual bench pyperf --runs 3 --plot pyperf.svg", "the pyperformance programs against python3"},
        {"multilingual bench matmul fib --sizes seed", "two operations at the guide's sizes"},
        {"multilingual bench --json out.json --plot out.svg", "results as JSON and a chart"}},
       "0  done\n2  bad usage"},
      {"languages",
       "Lists the installed language packs: the code --lang takes, and the language's name in itself "
       "and in English.",
       {{"multilingual languages", "the list"}},
       "0  done"},
      {"serve",
       "Serves the web page and the modules `build` writes over HTTP on 127.0.0.1, for trying compiled "
       "programs in a browser.",
       {{"multilingual serve out/ --port 8080", "then open http://127.0.0.1:8080/"}},
       "0  stopped\n2  bad usage"},
      {"man",
       "Prints a command's manual page in roff, for man(1); with --output-dir, writes every page "
       "(multilingual.1, multilingual-run.1, ...) into that folder. The installed pages are made "
       "this way.",
       {{"multilingual man run | man -l -", "read the page of run"},
        {"multilingual man --output-dir man1", "write every page"}},
       "0  done\n2  unknown command or unwritable folder"},
  };
  return all;
}

}  // namespace

const ManualPage* manual_page(std::string_view command) {
  for (const ManualPage& p : pages())
    if (p.command == command) return &p;
  return nullptr;
}

}  // namespace ml::cli
