// multilingual::Error: what went wrong, said in the program's own human language, and where.
#pragma once
#include <stdexcept>
#include <string>

namespace multilingual {

struct SourceLocation {
  std::string file;  // the path given, or "<string>"
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based, in code points
};

class Error : public std::runtime_error {
 public:
  // kind: the Python exception class ("SyntaxError", "ZeroDivisionError", ...) or, for
  // problems outside a program, "ConfigError", "LanguageError", "CallError", "OSError".
  Error(std::string kind, std::string localized_kind, std::string message, SourceLocation where,
        std::string rendered, int exit_status = 1);
  const std::string& kind() const { return kind_; }
  const std::string& localized_kind() const { return localized_kind_; }  // "ZeroDivisionError" in French, ...
  const std::string& message() const { return message_; }    // localized, without kind or location
  const SourceLocation& location() const { return where_; }
  // The whole report as the command line prints it: "file:line:col: Kind: message", the
  // source line and a caret.
  const std::string& rendered() const { return rendered_; }
  int exit_status() const { return exit_status_; }

 private:
  std::string kind_, localized_kind_, message_;
  SourceLocation where_;
  std::string rendered_;
  int exit_status_;
};

}  // namespace multilingual
