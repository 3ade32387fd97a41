"""Set handlers for asynchronous events (POSIX signals).

The handlers run in the program between two steps (a loop iteration or a call), and a sleep or
a blocking system call that a signal cuts short runs them at once (src/interp/lib/signal.cpp).
As in CPython, the numbers are the IntEnums Signals and Handlers.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_names = list(_signal.__dict__.items())
Signals = _IntEnum("Signals", {name: value for name, value in _names
                               if name.startswith("SIG") and not name.startswith("SIG_")})
Handlers = _IntEnum("Handlers", {"SIG_DFL": _signal.SIG_DFL, "SIG_IGN": _signal.SIG_IGN})
Sigmasks = _IntEnum("Sigmasks", {"SIG_BLOCK": _signal.SIG_BLOCK, "SIG_UNBLOCK": _signal.SIG_UNBLOCK,
                                 "SIG_SETMASK": _signal.SIG_SETMASK})
del _names

globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)


def _int_to_enum(value, enum_klass):
    """Convert a possible numeric value to an IntEnum member; other values stay as they are."""
    try:
        return enum_klass(value)
    except (ValueError, TypeError):
        return value


def _enum_to_int(value):
    """Convert an IntEnum member to its number; other values stay as they are."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
