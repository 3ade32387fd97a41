// The manual: what `multilingual COMMAND --help` prints beyond the flags (description,
// examples, exit status, environment, files), laid out as a man page, and the same text as
// roff for `multilingual man`, from which the installed man pages are made.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace ml::cli {

struct ManualPage {
  std::string_view command;      // "" for the `multilingual` page itself
  std::string_view description;  // paragraphs separated by blank lines
  std::vector<std::pair<std::string_view, std::string_view>> examples;  // command line, what it does
  std::string_view exit_status;  // lines "N  meaning"
  bool configuration = false;    // reads multilingual.toml: the ENVIRONMENT and FILES of running code
};

const ManualPage* manual_page(std::string_view command);

// Every subcommand's --help (and the top-level one) becomes a man-style page.
void use_manual_layout(CLI::App& app);

// The man page of `command` ("" = multilingual(1)) in roff, for man(1).
std::string roff_page(const CLI::App& app, std::string_view command);

}  // namespace ml::cli
