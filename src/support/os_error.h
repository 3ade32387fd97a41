// The operating system's errors as the language names them: errno's symbolic name, which is
// also the message id ("errno.ENOENT") under which each language pack words the error.
#pragma once

namespace ml {

// "ENOENT" for ENOENT, ...; nullptr for an errno no pack words (its text is strerror's).
const char* errno_name(int err);

}  // namespace ml
