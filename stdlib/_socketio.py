"""The file objects socket.makefile() returns: buffered reading (read, readline, iteration) and
writing (write, flush) over a socket, in binary or text mode. The socket stays open while one
of them is, as in CPython, even after socket.close()."""

from io import UnsupportedOperation

_CHUNK = 8192
# CPython's buffered files name the operation on a closed file (text files do not).
_CLOSED = {"read": "read of closed file", "readline": "readline of closed file",
           "write": "write to closed file", "flush": "flush of closed file"}


class SocketFile:
    def __init__(self, sock, mode, buffering, encoding, errors, newline):
        self._sock = sock
        self.mode = mode
        self._binary = "b" in mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._encoding = encoding or "UTF-8"
        self._errors = errors or "strict"
        self._newline = newline
        self._limit = _CHUNK if buffering is None or buffering < 0 else buffering
        self._rbuf = b""       # bytes received and not yet handed out (binary mode)
        self._raw = b""        # bytes received and not yet decoded (text mode)
        self._tbuf = ""        # decoded text not yet handed out (text mode)
        self._eof = False
        self._wbuf = []
        self._wlen = 0
        self.closed = False
        sock._io_refs += 1

    @property
    def name(self):
        return self._sock.fileno() if not self.closed else -1

    @property
    def encoding(self):
        if self._binary:
            raise AttributeError("'BufferedReader' object has no attribute 'encoding'")
        return self._encoding

    def fileno(self):
        self._check("fileno", None)
        return self._sock.fileno()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def seekable(self):
        return False

    def _check(self, op, want):
        # Buffered (binary) files look at the mode first, text files at being closed first.
        if self.closed and not self._binary:
            raise ValueError("I/O operation on closed file.")
        if want == "r" and not self._reading:
            raise UnsupportedOperation("read" if self._binary else "not readable")
        if want == "w" and not self._writing:
            raise UnsupportedOperation("write" if self._binary else "not writable")
        if self.closed:
            closed = "I/O operation on closed file."
            if not self._binary or op == "flush" and not self._writing:
                raise ValueError(closed)
            raise ValueError(_CLOSED.get(op, closed))

    def __enter__(self):
        self._check("enter", None)
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __iter__(self):
        self._check("iter", None)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # reading

    def _fill(self):
        """Receives one chunk; False at end of stream."""
        if self._eof:
            return False
        data = self._sock.recv(_CHUNK)
        if not data:
            self._eof = True
            if not self._binary:
                self._decode(True)
            return False
        if self._binary:
            self._rbuf += data
        else:
            self._raw += data
            self._decode(False)
        return True

    def _decode(self, final):
        raw = self._raw
        text = None
        if not final:
            # Leave a character cut at the end of the chunk for the next one.
            for cut in range(0, min(4, len(raw) + 1)):
                try:
                    text = raw[:len(raw) - cut].decode(self._encoding, self._errors)
                except UnicodeDecodeError:
                    continue
                self._raw = raw[len(raw) - cut:]
                break
        if text is None:
            text = raw.decode(self._encoding, self._errors)
            self._raw = b""
        if self._newline is None:
            if text.endswith("\r") and not final:
                self._raw = b"\r" + self._raw
                text = text[:-1]
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._tbuf += text

    def _buffer(self):
        return self._rbuf if self._binary else self._tbuf

    def _take(self, n):
        if self._binary:
            out, self._rbuf = self._rbuf[:n], self._rbuf[n:]
        else:
            out, self._tbuf = self._tbuf[:n], self._tbuf[n:]
        return out

    def read(self, size=-1):
        self._check("read", "r")
        if size is None or size < 0:
            while self._fill():
                pass
            return self._take(len(self._buffer()))
        while len(self._buffer()) < size and self._fill():
            pass
        return self._take(size)

    def read1(self, size=-1):
        self._check("read", "r")
        if not self._buffer():
            self._fill()
        return self._take(len(self._buffer()) if size is None or size < 0 else size)

    def readline(self, size=-1):
        self._check("readline", "r")
        nl = b"\n" if self._binary else (self._newline or "\n")
        while True:
            buf = self._buffer()
            end = buf.find(nl)
            if end >= 0:
                end += len(nl)
                break
            if 0 <= size <= len(buf) or not self._fill():
                end = len(self._buffer())
                break
        if size is not None and size >= 0:
            end = min(end, size)
        return self._take(end)

    def readlines(self, hint=-1):
        lines, total = [], 0
        self._check("readlines", None)
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    # writing

    def write(self, data):
        if self._binary:
            self._check("write", "w")
            if not isinstance(data, (bytes, bytearray, memoryview)):
                raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
            data = bytes(data)
            count = len(data)
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            self._check("write", "w")
            count = len(data)
            if self._newline not in (None, "", "\n"):
                data = data.replace("\n", self._newline)
            data = data.encode(self._encoding, self._errors)
        self._wbuf.append(data)
        self._wlen += len(data)
        if self._wlen >= self._limit:
            self.flush()
        return count

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check("flush", None)
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf, self._wlen = [], 0
            self._sock.sendall(data)

    def close(self):
        if self.closed:
            return
        try:
            if self._writing:
                self.flush()
        finally:
            self.closed = True
            self._sock._decref_socketios()

    def __repr__(self):
        kind = "BufferedRWPair" if self._reading and self._writing else (
            "BufferedReader" if self._reading else "BufferedWriter")
        if not self._binary:
            return "<_io.TextIOWrapper name=%d mode='%s' encoding='%s'>" % (
                self.name, self.mode, self._encoding)
        return "<_io.%s name=%d>" % (kind, self.name)
