"""Temporary files and folders (Python's tempfile): mkdtemp, mkstemp-free helpers,
TemporaryDirectory and gettempdir. Names are random and made with os.mkdir, which refuses an
existing name, so two callers never share a folder."""
import os as _os
import random as _random

__all__ = ["gettempdir", "gettempprefix", "mkdtemp", "TemporaryDirectory", "TMP_MAX", "template"]

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
