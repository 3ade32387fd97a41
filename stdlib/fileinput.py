"""Looping over the lines of several files (Python's fileinput): input() and FileInput iterate
over the files named (sys.argv[1:] by default, "-" or none meaning stdin), with filename(),
lineno(), filelineno(), isfirstline(), isstdin(), nextfile() and close(). In-place editing is
not supported: inplace=True raises ValueError rather than silently leaving files unchanged."""
import sys

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno", "fileno",
           "isfirstline", "isstdin", "FileInput", "hook_compressed", "hook_encoded"]

_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None, encoding=None,
          errors=None):
    global _state
    if _state and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    global _state
    state = _state
    _state = None
    if state:
        state.close()


def _active():
    if not _state:
        raise RuntimeError("no active input()")
    return _state


def nextfile():
    return _active().nextfile()


def filename():
    return _active().filename()


def lineno():
    return _active().lineno()


def filelineno():
    return _active().filelineno()


def fileno():
    return _active().fileno()


def isfirstline():
    return _active().isfirstline()


def isstdin():
    return _active().isstdin()


class FileInput:
    def __init__(self, files=None, inplace=False, backup="", *, mode="r", openhook=None,
                 encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif hasattr(files, "__fspath__"):
            files = (files.__fspath__(),)
        else:
            if files is None:
                files = sys.argv[1:]
            if not files:
                files = ("-",)
            else:
                files = tuple(files)
        if inplace:
            raise ValueError("inplace editing is not supported by this fileinput")
        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        if openhook and not callable(openhook):
            raise ValueError("FileInput openhook must be callable")
        self._files = files
        self._mode = mode
        self._openhook = openhook
        self._encoding = encoding or ("locale" if "b" not in mode else None)
        self._errors = errors
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._isstdin = False

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                raise StopIteration
            self.nextfile()

    def nextfile(self):
        file = self._file
        self._file = None
        self._startlineno += self._filelineno
        self._filelineno = 0
        self._filename = None
        if file and not self._isstdin:
            file.close()
        self._isstdin = False

    def readline(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line
            self.nextfile()

    def _readline(self):
        if self._file is None:
            if not self._files:
                return b"" if "b" in self._mode else ""
            self._filename = self._files[0]
            self._files = self._files[1:]
            self._filelineno = 0
            if self._filename == "-":
                self._filename = "<stdin>"
                self._file = sys.stdin.buffer if "b" in self._mode and hasattr(sys.stdin, "buffer") \
                    else sys.stdin
                self._isstdin = True
            elif self._openhook:
                self._file = self._openhook(self._filename, self._mode)
            elif "b" in self._mode:
                self._file = open(self._filename, self._mode)
            else:
                enc = None if self._encoding == "locale" else self._encoding
                self._file = open(self._filename, self._mode, encoding=enc, errors=self._errors)
        return self._file.readline()

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file:
            try:
                return self._file.fileno()
            except ValueError:
                return -1
        return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin


def hook_encoded(encoding, errors=None):
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    if filename.endswith(".gz"):
        import gzip
        stream = gzip.open(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if "b" not in mode:
        import io
        return io.StringIO(stream.read().decode(encoding or "utf-8", errors or "strict"))
    return stream
