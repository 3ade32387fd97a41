# os's processes: fork, pipe, read/write, waitpid and the status macros, exec, dup2, kill,
# getpid/getppid, system and _exit.
import os
import sys

print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())

# a child writes into a pipe and exits with a status
r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("child of %d" % os.getppid()).encode())
    os._exit(7)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 5)
    if not chunk:
        break
    data += chunk
os.close(r)
got, status = os.waitpid(pid, 0)
print(got == pid, data.decode() == "child of %d" % os.getpid())
print(os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))

# a child killed by a signal
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import time
    time.sleep(30)
    os._exit(0)
os.kill(pid, 15)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))

# exec replaces the child; its output goes through a pipe made its stdout with dup2
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.close(r)
    os.execvp("sh", ["sh", "-c", "echo from exec $0 $1", "zero", "one"])
os.close(w)
with open(r, "rb") as f:
    print(f.read())
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.execv("/bin/echo", ["echo", "execv", "works"])
os.close(w)
print(open(r).read().strip(), os.waitpid(pid, 0)[1])

# WNOHANG while the child still runs
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import time
    time.sleep(0.3)
    os._exit(3)
print(os.waitpid(pid, os.WNOHANG))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# os.system: the shell's output and the wait status
sys.stdout.flush()
status = os.system("echo system says hi; exit 2")
print(status, os.waitstatus_to_exitcode(status))

# errors
for bad in [lambda: os.execv("/nonexistent/program", ["x"]), lambda: os.execv("/bin/echo", []),
            lambda: os.read(-1, 1), lambda: os.waitpid(-1, 0), lambda: os.kill(os.getpid(), 999)]:
    try:
        bad()
    except (OSError, ValueError) as exc:
        print(type(exc).__name__, exc)

# file descriptors: open/write/read/dup
fd = os.open("os_processes.tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"line one\nline two\n"), os.write(fd, bytearray(b"three\n")))
os.close(fd)
fd = os.open("os_processes.tmp", os.O_RDONLY)
fd2 = os.dup(fd)
print(os.read(fd, 9), os.read(fd2, 100))
os.close(fd)
os.close(fd2)
os.remove("os_processes.tmp")

# a child that ends as a program does (sys.exit, an uncaught error) gives its status
for how in ("exit", "error"):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        sys.stderr = open(os.devnull, "w") if how == "error" else sys.stderr
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        print("child ends by", how)
        if how == "exit":
            sys.exit(4)
        raise ValueError("in the child")
    print("status", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
