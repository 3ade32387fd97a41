"""select.select over poll() (the C++ module _socket). With green threads (threading) running, a
select that has to wait hands the turn to the other threads between short polls, as the
sockets of socket.py do."""
import sys as _sys
import time as _time
import _socket

__all__ = ["select", "error"]

error = OSError
_POLL = 0.005


def _fd(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        fileno = getattr(obj, "fileno", None)
        if fileno is None:
            raise TypeError("argument must be an int, or have a fileno() method.")
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError("file descriptor cannot be a negative integer (%d)" % fd)
    return fd


def select(rlist, wlist, xlist, timeout=None, /):
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError("timeout must be a float or None")
        if timeout < 0:
            raise ValueError("timeout must be non-negative")
    rlist, wlist, xlist = list(rlist), list(wlist), list(xlist)
    rfds = [_fd(o) for o in rlist]
    wfds = [_fd(o) for o in wlist]
    xfds = [_fd(o) for o in xlist]

    def poll(limit):
        r, w, x = _socket.wait(rfds + xfds, wfds, limit)
        return ([o for o, fd in zip(rlist, rfds) if fd in r], [o for o, fd in zip(wlist, wfds) if fd in w],
                [o for o, fd in zip(xlist, xfds) if fd in x])

    threading = _sys.modules.get("threading")
    if threading is None or not threading._live or timeout == 0:
        return poll(timeout)
    deadline = None if timeout is None else _time.monotonic() + timeout
    while True:
        found = poll(0)
        if any(found):
            return found
        left = None if deadline is None else deadline - _time.monotonic()
        if left is not None and left <= 0:
            return found
        threading._wait_until(lambda: any(poll(0)), _POLL if left is None else min(_POLL, left))
