// The `multilingual` command: a thin main over the cli library.
#include <fcntl.h>
#include <unistd.h>

#include "cli/app.h"

int main(int argc, char** argv) {
  // A closed stdin, stdout or stderr gets a descriptor that cannot be used for it (stdout and
  // stderr read-only, so writes fail with EBADF and are reported): otherwise the next file
  // the program opens would take its number and receive its output.
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) < 0) {
      int got = ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
      if (got >= 0 && got != fd) {
        ::dup2(got, fd);
        ::close(got);
      }
    }
  return ml::cli::run_app(argc, argv);
}
