"""Functions to run when the program ends (Python's atexit). register/unregister keep the list;
the interpreter calls _run_exitfuncs when the main module finishes (normally, through sys.exit or
an uncaught exception), which runs them last-registered first. An exception in one is reported
on stderr, as CPython does, and the others still run."""
import sys

__all__ = ["register", "unregister"]

_exithandlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    _exithandlers.clear()


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            name = getattr(func, "__qualname__", None) or repr(func)
            print("Exception ignored in atexit callback: %s" % name, file=sys.stderr)
            print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
    sys.stdout.flush()
