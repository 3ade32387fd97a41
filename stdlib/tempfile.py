"""Temporary files and folders (Python's tempfile): mkstemp, mkdtemp, mktemp,
NamedTemporaryFile, TemporaryFile, TemporaryDirectory and gettempdir. Names are random and made
with os.mkdir or os.open(O_CREAT | O_EXCL), which refuse an existing name, so two callers never
share a file or folder."""
import os as _os
import random as _random

__all__ = ["gettempdir", "gettempprefix", "mkstemp", "mkdtemp", "mktemp", "NamedTemporaryFile",
           "TemporaryFile", "TemporaryDirectory", "TMP_MAX", "template"]

TMP_MAX = 10000
template = "tmp"
tempdir = None
_rng = _random.Random()
_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def gettempprefix():
    return template


def gettempdir():
    if tempdir is not None:
        return tempdir
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = _os.getenv(name)
        if value and _os.path.isdir(value):
            return _os.path.abspath(value)
    return "/tmp"


def _random_name():
    return "".join(_rng.choice(_CHARS) for _ in range(8))


def mkdtemp(suffix=None, prefix=None, dir=None):
    base = dir if dir is not None else gettempdir()
    prefix = template if prefix is None else prefix
    suffix = "" if suffix is None else suffix
    for _ in range(TMP_MAX):
        path = _os.path.join(base, prefix + _random_name() + suffix)
        try:
            _os.mkdir(path)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError("No usable temporary directory name found")


def _parts(suffix, prefix, dir):
    base = dir if dir is not None else gettempdir()
    return base, template if prefix is None else prefix, "" if suffix is None else suffix


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """A new file, readable and writable only by its owner: (open descriptor, absolute path)."""
    base, prefix, suffix = _parts(suffix, prefix, dir)
    flags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_NOFOLLOW", 0)
    for _ in range(TMP_MAX):
        path = _os.path.join(base, prefix + _random_name() + suffix)
        try:
            fd = _os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(path)
    raise FileExistsError("No usable temporary file name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name no file has now (unsafe: another process may take it before it is used)."""
    base, prefix, suffix = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        path = _os.path.join(base, prefix + _random_name() + suffix)
        try:
            _os.lstat(path)
        except FileNotFoundError:
            return path
    raise FileExistsError("No usable temporary filename found")


class _TemporaryFileWrapper:
    """The file of NamedTemporaryFile: reads, writes and iterates as the file does, and removes
    it when closed (or when the with block ends) if delete is true."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._removed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        try:
            self.file.close()
        finally:
            if self.delete and not self._removed:
                self._removed = True
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper %r>" % self.name


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir, "b" not in mode)
    try:
        file = open(fd, mode, buffering, encoding=encoding, errors=errors, newline=newline)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """An open file with no name: removed from its folder at once, gone when closed."""
    fd, name = mkstemp(suffix, prefix, dir, "b" not in mode)
    try:
        _os.unlink(name)
        return open(fd, mode, buffering, encoding=encoding, errors=errors, newline=newline)
    except BaseException:
        _os.close(fd)
        raise


class TemporaryDirectory:
    """A folder removed with its contents when the with block ends (or cleanup() is called)."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore = ignore_cleanup_errors

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, *exc):
        self.cleanup()

    def cleanup(self):
        import shutil
        if _os.path.exists(self.name):
            shutil.rmtree(self.name, ignore_errors=self._ignore)
