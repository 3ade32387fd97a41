// Errors found before a program runs; their rendering lives in lang/error_text.cpp.
#include "support/diagnostic.h"

namespace ml {

CompileError::CompileError(std::string kind_, std::string id, std::map<std::string, std::string> args_,
                           Loc loc_, std::shared_ptr<const SourceFile> source_)
    : std::runtime_error(kind_ + ": " + id), kind(std::move(kind_)), message_id(std::move(id)),
      args(std::move(args_)), loc(loc_), source(std::move(source_)) {}

}  // namespace ml
