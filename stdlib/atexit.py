"""Functions to run when the program ends (Python's atexit module): the interpreter calls
_run_exitfuncs once the main module has finished or sys.exit() was called, last registered
first, after waiting for the threads still running."""
import sys as _sys

__all__ = ["register", "unregister"]

_exithandlers = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            print("Exception ignored in atexit callback: %r" % (func,), file=_sys.stderr)
            print("%s: %s" % (type(exc).__name__, exc), file=_sys.stderr)
