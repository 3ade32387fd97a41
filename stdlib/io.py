"""In-memory streams (Python's io.StringIO and io.BytesIO). Writes at the end of the buffer are
kept as a list of pieces and joined when the value is read, so building a long text write by write
stays linear."""

from _ml_text import text as _t

__all__ = ["StringIO", "BytesIO", "IOBase", "TextIOBase", "BufferedIOBase", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")


class _Memory(IOBase):
    _empty = ""
    _kind = "str"

    def __init__(self, initial, newline=None):
        if initial is None:
            initial = self._empty
        if type(initial) is not type(self._empty):
            raise TypeError(_t("io.initial_value", "initial_value must be {kind} or None, not {type}", kind=self._kind, type=type(initial).__name__))
        self._buf = initial
        self._pieces = []
        self._len = len(initial)
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            if type(self._empty) is str:
                raise ValueError(_t("io.closed_file", "I/O operation on closed file"))
            raise ValueError(_t("io.closed_file_bytes", "I/O operation on closed file."))

    def _value(self):
        if self._pieces:
            self._buf = self._buf + self._empty.join(self._pieces)
            self._pieces = []
        return self._buf

    def getvalue(self):
        self._check_open()
        return self._value()

    def write(self, s):
        self._check_open()
        if type(s) is not type(self._empty):
            if type(self._empty) is str:
                raise TypeError(_t("io.write_str", "string argument expected, got '{type}'", type=type(s).__name__))
            raise TypeError(_t("common.bytes_like", "a bytes-like object is required, not '{type}'", type=type(s).__name__))
        n = len(s)
        if self._pos == self._len:
            self._pieces.append(s)
            self._len += n
            self._pos = self._len
            return n
        buf = self._value()
        if self._pos > self._len:
            buf = buf + self._padding(self._pos - self._len)
        self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._len = len(self._buf)
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        buf = self._value()
        if size is None or size < 0:
            end = self._len
        else:
            end = min(self._len, self._pos + size)
        if self._pos >= end:
            return self._empty
        out = buf[self._pos:end]
        self._pos = end
        return out

    def readline(self, size=-1):
        self._check_open()
        buf = self._value()
        if self._pos >= self._len:
            return self._empty
        end = buf.find(self._newline, self._pos)
        end = self._len if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = buf[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(_t("io.negative_seek", "negative seek value {pos}", pos=pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._len + pos)
        else:
            raise ValueError(_t("io.bad_whence", "invalid whence ({whence}, should be 0, 1 or 2)", whence=whence))
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(_t("io.negative_size", "negative size value {size}", size=size))
        if size < self._len:
            self._buf = self._value()[:size]
            self._len = size
        return size

    def close(self):
        self.closed = True


class StringIO(_Memory, IOBase):
    _empty = ""
    _kind = "str"
    _newline = "\n"

    def __init__(self, initial_value="", newline="\n"):
        _Memory.__init__(self, initial_value, newline)

    def _padding(self, n):
        return "\0" * n

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


class BytesIO(_Memory, IOBase):
    _empty = b""
    _kind = "a bytes-like object"
    _newline = b"\n"

    def __init__(self, initial_bytes=b""):
        _Memory.__init__(self, bytes(initial_bytes))

    def _padding(self, n):
        return bytes(n)

    def getbuffer(self):
        return self.getvalue()

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)


TextIOBase = IOBase
BufferedIOBase = IOBase
RawIOBase = IOBase
