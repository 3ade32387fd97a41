"""Sockets (Python's socket) over the C++ module _socket: TCP and Unix stream sockets, UDP
datagrams (sendto/recvfrom), socketpair, makefile, name lookups, timeouts and blocking.

The descriptors are non-blocking underneath. A blocking call that has to wait (accept, recv,
send, connect) waits in poll() when the program has no green thread (threading) running; when it
has, the waiting thread hands the turn to the others between short polls (_POLL seconds), so a
server thread blocked in accept() does not freeze a client thread of the same program."""
import sys as _sys
import time as _time
from enum import IntEnum as _IntEnum
import _socket
from _socket import gaierror, getaddrinfo as _getaddrinfo

__all__ = ["socket", "socketpair", "create_connection", "create_server", "gethostname",
           "gethostbyname", "getaddrinfo", "getfqdn", "getdefaulttimeout", "setdefaulttimeout", "timeout",
           "error", "herror", "gaierror", "AddressFamily", "SocketKind"]

_POLL = 0.005

_FAMILIES = ("AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_INET6")
_KINDS = ("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW")
AddressFamily = _IntEnum("AddressFamily", [(k, getattr(_socket, k)) for k in _FAMILIES], module="socket")
SocketKind = _IntEnum("SocketKind", [(k, getattr(_socket, k)) for k in _KINDS], module="socket")
for _name in _FAMILIES:
    globals()[_name] = AddressFamily[_name]
for _name in _KINDS:
    globals()[_name] = SocketKind[_name]
for _name in dir(_socket):
    if _name.isupper() and _name not in globals() and not _name.startswith("POLL"):
        globals()[_name] = getattr(_socket, _name)

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _check_timeout(timeout)


def _check_timeout(value):
    if value is None:
        return None
    if not isinstance(value, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    if value < 0:
        raise ValueError("Timeout value out of range")
    return float(value)


def _ready(fd, write):
    r, w, _ = _socket.wait(() if write else (fd,), (fd,) if write else (), 0)
    return bool(r or w)


def _wait(fd, write, limit):
    """Waits until fd can be read (or written); False when `limit` seconds (None: no limit)
    passed first. Other green threads run meanwhile."""
    threading = _sys.modules.get("threading")
    if threading is None or not threading._live:
        r, w, _ = _socket.wait(() if write else (fd,), (fd,) if write else (), limit)
        return bool(r or w)
    deadline = None if limit is None else _time.monotonic() + limit
    while True:
        if _ready(fd, write):
            return True
        left = None if deadline is None else deadline - _time.monotonic()
        if left is not None and left <= 0:
            return False
        threading._wait_until(lambda: _ready(fd, write), _POLL if left is None else min(_POLL, left))


class socket:
    __module__ = "socket"

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
            self._fd = _socket.socket(family, type, proto)
        else:
            family, type, proto = _socket.adopt(fileno)
            self._fd = fileno
        self._family = family
        self._type = type
        self.proto = proto
        self._timeout = _default_timeout
        self._io_refs = 0
        self._closed = False

    @property
    def family(self):
        try:
            return AddressFamily(self._family)
        except ValueError:
            return self._family

    @property
    def type(self):
        try:
            return SocketKind(self._type)
        except ValueError:
            return self._type

    def _check(self):
        if self._fd < 0:
            raise OSError(9, "Bad file descriptor")
        return self._fd

    def fileno(self):
        return self._fd

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        closed = self._fd < 0
        s = "<socket.socket%s fd=%d, family=%d, type=%d, proto=%d" % (
            " [closed]" if closed else "", self._fd, self._family, self._type, self.proto)
        if not closed:
            try:
                s += ", laddr=%s" % (self.getsockname(),)
            except OSError:
                pass
            try:
                s += ", raddr=%s" % (self.getpeername(),)
            except OSError:
                pass
        return s + ">"

    def close(self):
        # The file objects of makefile() keep the descriptor open until they are closed too.
        self._closed = True
        if self._io_refs <= 0 and self._fd >= 0:
            fd, self._fd = self._fd, -1
            _socket.close(fd)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        if buffering == 0 and not binary:
            raise ValueError("unbuffered streams must be binary")
        from _socketio import SocketFile
        rawmode = ("r" if reading else "") + ("w" if writing else "") + ("b" if binary else "")
        f = SocketFile(self, rawmode, buffering, encoding, errors, newline)
        if not binary:
            f.mode = mode
        return f

    def __del__(self):
        self.close()

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def settimeout(self, value):
        self._timeout = _check_timeout(value)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def _io(self, op, write):
        """Runs op() (None while it would block) as the socket's timeout says."""
        fd = self._check()
        deadline = None if self._timeout is None else _time.monotonic() + self._timeout
        while True:
            result = op(fd)
            if result is not None:
                return result
            if self._timeout == 0.0:
                raise BlockingIOError(11, "Resource temporarily unavailable")
            left = None if deadline is None else max(0.0, deadline - _time.monotonic())
            if not _wait(fd, write, left):
                raise TimeoutError("timed out")

    def bind(self, address):
        _socket.bind(self._check(), self._family, address)

    def listen(self, backlog=128):
        _socket.listen(self._check(), min(backlog, _socket.SOMAXCONN))

    def accept(self):
        fd, addr = self._io(_socket.accept, False)
        conn = socket(self._family, self._type, self.proto, fileno=fd)
        conn._timeout = None if _default_timeout is None and self._timeout is not None else _default_timeout
        return conn, addr

    def connect_ex(self, address):
        fd = self._check()
        err = _socket.connect(fd, self._family, address)
        if err != 115 or self._timeout == 0.0:  # EINPROGRESS: wait for the connection
            return err
        if not _wait(fd, True, self._timeout):
            return 11
        return _socket.connect_result(fd)

    def connect(self, address):
        fd = self._check()
        err = _socket.connect(fd, self._family, address)
        if err == 115 and self._timeout != 0.0:
            if not _wait(fd, True, self._timeout):
                raise TimeoutError("timed out")
            err = _socket.connect_result(fd)
        if err:
            _socket.raise_os(err)

    def send(self, data, flags=0):
        return self._io(lambda fd: _socket.send(fd, data, flags), True)

    def sendall(self, data, flags=0):
        data = bytes(data) if not isinstance(data, bytes) else data
        while data:
            sent = self.send(data, flags)
            data = data[sent:]

    def recv(self, bufsize, flags=0):
        return self._io(lambda fd: _socket.recv(fd, bufsize, flags), False)

    def recv_into(self, buffer, nbytes=0, flags=0):
        data = self.recv(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data)

    def sendto(self, data, flags_or_address, address=None):
        if address is None:
            flags, address = 0, flags_or_address
        else:
            flags = flags_or_address
        return self._io(lambda fd: _socket.sendto(fd, data, flags, self._family, address), True)

    def recvfrom(self, bufsize, flags=0):
        return self._io(lambda fd: _socket.recvfrom(fd, bufsize, flags), False)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        data, addr = self.recvfrom(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data), addr

    def shutdown(self, how):
        _socket.shutdown(self._check(), how)

    def getsockname(self):
        return _socket.getsockname(self._check())

    def getpeername(self):
        return _socket.getpeername(self._check())

    def setsockopt(self, level, optname, value):
        _socket.setsockopt(self._check(), level, optname, value)

    def getsockopt(self, level, optname):
        return _socket.getsockopt(self._check(), level, optname)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    family = AF_UNIX if family is None else family
    a, b = _socket.socketpair(family, type, proto)
    return socket(family, type, proto, fileno=a), socket(family, type, proto, fileno=b)


def create_connection(address, timeout=None, source_address=None):
    host, port = address
    err = None
    for family, kind, proto, _, addr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(addr)
            return sock
        except OSError as e:
            err = e
            sock.close()
    if err is not None:
        raise err
    raise OSError("getaddrinfo returns an empty list")


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        sock.listen() if backlog is None else sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    return sock


def gethostname():
    return _socket.gethostname()


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(port, int):
        port = str(port)
    out = []
    for fam, kind, pr, canon, addr in _getaddrinfo(host, port, family, type, proto, flags):
        try:
            fam = AddressFamily(fam)
        except ValueError:
            pass
        try:
            kind = SocketKind(kind)
        except ValueError:
            pass
        out.append((fam, kind, pr, canon, addr))
    return out


def getfqdn(name=""):
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    try:
        infos = _getaddrinfo(name, None, 0, SOCK_STREAM, 0, AI_CANONNAME)
    except OSError:
        return name
    canon = infos[0][3] if infos else ""
    return canon if "." in canon or "." not in name and canon else name


def gethostbyname(hostname):
    return _getaddrinfo(hostname, None, AF_INET, SOCK_STREAM, 0, 0)[0][4][0]


def htons(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


ntohs = htons


def htonl(x):
    return int.from_bytes((x & 0xFFFFFFFF).to_bytes(4, "little"), "big")


ntohl = htonl
