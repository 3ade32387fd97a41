"""Deterministic profiling of Python programs (Python's cProfile): Profile counts the calls of
every Python function while enabled (_lsprof), and pstats prints them. Functions written in C++
(the builtins) are not counted, so CPython's {built-in method ...} rows are absent.
"""
import sys

import _lsprof
from _ml_text import text as _t

__all__ = ["run", "runctx", "Profile"]


class Profile:
    """Profile() collects stats between enable() and disable() (or around runcall, run, runctx,
    or a with block); print_stats, dump_stats and pstats.Stats(profile) report them."""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._data = {}  # what was counted so far; stats is a snapshot of it (pstats takes it)
        self.stats = {}
        self._enabled = False

    def enable(self, subcalls=True, builtins=True):
        if self._enabled:
            return
        if not _lsprof.enable():
            raise ValueError(_t("cprofile.another_active", "Another profiling tool is already active"))
        self._enabled = True

    def disable(self):
        if not self._enabled:
            return
        self._enabled = False
        self._merge(_lsprof.disable())

    def _merge(self, new):
        for func, (cc, nc, tt, ct, callers) in new.items():
            if func in self._data:
                occ, onc, ott, oct, ocallers = self._data[func]
                merged = dict(ocallers)
                for caller, c in callers.items():
                    if caller in merged:
                        merged[caller] = tuple(a + b for a, b in zip(merged[caller], c))
                    else:
                        merged[caller] = c
                self._data[func] = (occ + cc, onc + nc, ott + tt, oct + ct, merged)
            else:
                self._data[func] = (cc, nc, tt, ct, dict(callers))

    def clear(self):
        self._data = {}
        self.stats = {}

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        self.stats = {func: (cc, nc, tt, ct, dict(callers))
                      for func, (cc, nc, tt, ct, callers) in self._data.items()}

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        import pickle
        with open(file, "wb") as f:
            self.create_stats()
            pickle.dump(self.stats, f)

    def run(self, cmd):
        import __main__
        dict = __main__.__dict__
        return self.runctx(cmd, dict, dict)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def _run(prof, run, filename, sort):
    try:
        run()
    except SystemExit:
        pass
    finally:
        if filename is not None:
            prof.dump_stats(filename)
        else:
            prof.print_stats(sort)


def run(statement, filename=None, sort=-1):
    prof = Profile()
    _run(prof, lambda: prof.run(statement), filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    prof = Profile()
    _run(prof, lambda: prof.runctx(statement, globals, locals), filename, sort)
