#include "support/os_error.h"

#include <cerrno>

namespace ml {

const char* errno_name(int err) {
  switch (err) {
#define ML_ERRNO(e) \
  case e: return #e;
    ML_ERRNO(ENOENT) ML_ERRNO(EACCES) ML_ERRNO(EPERM) ML_ERRNO(EEXIST) ML_ERRNO(ENOTDIR)
    ML_ERRNO(EISDIR) ML_ERRNO(ENOTEMPTY) ML_ERRNO(ENOSPC) ML_ERRNO(EROFS) ML_ERRNO(EBADF)
    ML_ERRNO(EINVAL) ML_ERRNO(EIO) ML_ERRNO(ENAMETOOLONG) ML_ERRNO(EPIPE) ML_ERRNO(ERANGE)
    ML_ERRNO(EMFILE)
#undef ML_ERRNO
    default: return nullptr;
  }
}

}  // namespace ml
