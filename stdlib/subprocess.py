"""Run programs in new processes: run, call, check_call, check_output, getoutput and Popen.

POSIX only, built on os.fork, os.pipe, os.dup2, os.execvpe and os.waitpid. A child that cannot
be started (no such program, a cwd that does not exist) reports its OSError to the parent
through a pipe closed by exec, so the error is raised in the program as in CPython.
"""
import os
import signal as _signal
import time

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output", "run",
           "getoutput", "getstatusoutput", "CalledProcessError", "TimeoutExpired",
           "SubprocessError", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() with check=True (or check_call, check_output) sees a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, _signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout given to run, communicate or wait runs out."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: the arguments, the exit status and the captured output."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# the OSError subclass CPython's OSError(errno, ...) makes for the errors a child can report
_OSERROR_CLASSES = {2: FileNotFoundError, 13: PermissionError, 1: PermissionError, 20: NotADirectoryError,
                    21: IsADirectoryError}


def _child_fd(spec, for_stdin, devnull):
    """(fd the child gets, fd the parent keeps) for one of stdin/stdout/stderr."""
    if spec is None:
        return None, None
    if spec == PIPE:
        r, w = os.pipe()
        return (r, w) if for_stdin else (w, r)
    if spec == DEVNULL:
        return devnull(), None
    if isinstance(spec, int):
        return spec, None
    return spec.fileno(), None


class Popen:
    """A child process; stdin/stdout/stderr are file objects where PIPE was asked for."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, text=None, encoding=None, errors=None,
                 user=None, group=None, extra_groups=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.text_mode = bool(text or universal_newlines or encoding or errors)
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
        argv = [os.fspath(a) if not isinstance(a, (str, bytes)) else a for a in argv]
        program = executable if executable is not None else argv[0]
        opened = []

        def devnull():
            fd = os.open(os.devnull, os.O_RDWR)
            opened.append(fd)
            return fd

        in_child, in_parent = _child_fd(stdin, True, devnull)
        out_child, out_parent = _child_fd(stdout, False, devnull)
        if stderr == STDOUT:
            err_child, err_parent = (out_child if out_child is not None else 1), None
        else:
            err_child, err_parent = _child_fd(stderr, False, devnull)
        env_map = dict(os.environ if env is None else env)
        err_read, err_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                for fd, target in ((in_child, 0), (out_child, 1), (err_child, 2)):
                    if fd is not None:
                        if fd == target:
                            os.set_inheritable(fd, True)
                        else:
                            os.dup2(fd, target)
                if cwd is not None:
                    os.chdir(cwd)
                if start_new_session:
                    os.setsid()
                if preexec_fn is not None:
                    preexec_fn()
                os.execvpe(program, argv, env_map)
            except BaseException as exc:
                errno = getattr(exc, "errno", None) or 0
                where = "cwd" if cwd is not None and not os.path.isdir(cwd) else "exec"
                os.write(err_write, ("%s:%d:%s" % (type(exc).__name__, errno, where)).encode())
            finally:
                os._exit(255)
        self.pid = pid
        os.close(err_write)
        # the child's ends of the pipes, and /dev/null, belong to the child alone now
        mine = set(opened)
        for spec, fd in ((stdin, in_child), (stdout, out_child), (stderr, err_child)):
            if spec == PIPE:
                mine.add(fd)
        for fd in mine:
            os.close(fd)
        report = b""
        while True:
            chunk = os.read(err_read, 4096)
            if not chunk:
                break
            report += chunk
        os.close(err_read)
        if report:
            os.waitpid(pid, 0)
            self.returncode = 255
            for fd in (in_parent, out_parent, err_parent):
                if fd is not None:
                    os.close(fd)
            name, errno, where = report.decode().split(":", 2)
            errno = int(errno)
            if errno:
                target = cwd if where == "cwd" else program
                cls = _OSERROR_CLASSES.get(errno, OSError)
                raise cls(errno, os.strerror(errno), os.fspath(target))
            raise SubprocessError("Exception occurred in preexec_fn." if preexec_fn else name)
        mode = "w" if self.text_mode else "wb"
        if in_parent is not None:
            self.stdin = open(in_parent, mode)
        if out_parent is not None:
            self.stdout = open(out_parent, "r" if self.text_mode else "rb")
        if err_parent is not None:
            self.stderr = open(err_parent, "r" if self.text_mode else "rb")

    def __repr__(self):
        return "<Popen: returncode: {} args: {!r}>".format(self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        finally:
            self.wait()

    def _set_status(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self._set_status(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            pid, status = os.waitpid(self.pid, 0)
            self._set_status(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)
        return self.returncode

    def _decode(self, data):
        if data is None or not self.text_mode:
            return data
        return data.decode(self.encoding, self.errors).replace("\r\n", "\n")

    def communicate(self, input=None, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        if input is not None and self.text_mode:
            input = input.encode(self.encoding, self.errors)
        fds = []
        for f in (self.stdin, self.stdout, self.stderr):
            if f is None or f.closed:
                fds.append(-1)
            else:
                if f is self.stdin:
                    f.flush()
                fds.append(os.dup(f.fileno()))
                f.close()
        out, err, timed_out = os._communicate(fds[0], input, fds[1], fds[2], timeout)
        if timed_out:
            raise TimeoutExpired(self.args, timeout, self._decode(out), self._decode(err))
        # the pipes are closed (or there were none): what is left of the time is for the exit
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return self._decode(out), self._decode(err)

    def send_signal(self, sig):
        if self.returncode is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(_signal.SIGTERM)

    def kill(self):
        self.send_signal(_signal.SIGKILL)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        kwargs["input"] = "" if kwargs.get("text") or kwargs.get("universal_newlines") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
