"""select.select and select.poll over poll() (the C++ module _socket). With green threads
(threading) running, a select or poll that has to wait hands the turn to the other threads
between short polls, as the sockets of socket.py do."""
import sys as _sys
import time as _time
import _socket

__all__ = ["select", "poll", "error"]

error = OSError
_POLL = 0.005
for _name in dir(_socket):
    if _name.startswith("POLL"):
        globals()[_name] = getattr(_socket, _name)


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


def _wait_turns(look, limit):
    """look(0) until it finds something or `limit` seconds (None: no limit) pass, handing the
    turn to the other green threads in between."""
    threading = _sys.modules.get("threading")
    deadline = None if limit is None else _time.monotonic() + limit
    while True:
        found = look(0)
        if found:
            return found
        left = None if deadline is None else deadline - _time.monotonic()
        if left is not None and left <= 0:
            return found
        threading._wait_until(lambda: bool(look(0)), _POLL if left is None else min(_POLL, left))


class poll:
    """The descriptors registered with their event masks; poll(timeout in milliseconds) lists
    those with events as (fd, revents) pairs."""
    __module__ = "select"

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._fds[_fd(fd)] = _mask(eventmask)

    def modify(self, fd, eventmask, /):
        fd = _fd(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = _mask(eventmask)

    def unregister(self, fd, /):
        fd = _fd(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /):
        if timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("timeout must be an integer or None")
            if timeout < 0:
                timeout = None
        pairs = list(self._fds.items())

        def look(ms):
            return _socket.poll(pairs, ms)

        threading = _sys.modules.get("threading")
        if threading is None or not threading._live or timeout == 0:
            return look(timeout)
        return _wait_turns(look, None if timeout is None else timeout / 1000)


def _mask(eventmask):
    if not isinstance(eventmask, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(eventmask).__name__)
    if eventmask < 0:
        raise ValueError("value must be positive")
    if eventmask > 0xFFFF:
        raise OverflowError("Python int too large for C unsigned short")
    return eventmask
