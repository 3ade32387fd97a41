// `multilingual call NAME ARGS...`: one library operation (runtime/cli_commands.h). An
// argument '-' stands for the lines of standard input (one JSON value each), '@FILE' for a
// file holding one JSON value, so that big inputs need not fit on the command line.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "runtime/cli_commands.h"

namespace ml::cli {

namespace {

std::vector<std::string> expand_arguments(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    if (a == "-") {
      std::string line;
      while (std::getline(std::cin, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
    } else if (a.size() > 1 && a[0] == '@') {
      std::ifstream in(a.substr(1), std::ios::binary);
      if (!in) throw std::runtime_error("call: cannot read '" + a.substr(1) + "'");
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

}  // namespace

int cmd_call(const Options& opt) {
  if (opt.list) return runtime::cli_list_operations();
  if (opt.op.empty()) throw std::runtime_error("call: an operation name is needed (see call --list)");
  return runtime::cli_call(opt.op, expand_arguments(opt.args), config_overrides(opt.cfg), std::cout, std::cerr,
                           opt.verbose);
}

}  // namespace ml::cli
