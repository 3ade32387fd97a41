"""Reading and writing gzip files (Python's gzip, RFC 1952) over zlib: compress/decompress
(several members are concatenated, as gunzip does) and open/GzipFile in binary or text mode.
A GzipFile being written keeps its data and deflates it when closed; one being read inflates the
whole file when opened."""
import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
READ, WRITE = 1, 2
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


class BadGzipFile(OSError):
    pass


def _header(compresslevel, mtime, fname=b""):
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = 4
    else:
        xfl = 0
    flags = FNAME if fname else 0
    out = struct.pack("<BBBBLBB", 0x1F, 0x8B, 8, flags, int(mtime), xfl, 255)
    if fname:
        out += fname + b"\000"
    return out


def _member(data, compresslevel, mtime, fname=b""):
    trailer = struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return _header(compresslevel, mtime, fname) + zlib.compress(data, compresslevel, -15) + trailer


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    if mtime == 0:
        # zlib writes the header itself when the time is 0 (with its own OS byte), as CPython does
        return zlib.compress(data, compresslevel, 31)
    if mtime is None:
        mtime = time.time()
    return _member(bytes(data), compresslevel, mtime)


def _skip_header(data, pos):
    if data[pos:pos + 2] != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % bytes(data[pos:pos + 2]))
    if len(data) < pos + 10:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    method, flag = data[pos + 2], data[pos + 3]
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    pos += 10
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", data[pos:pos + 2])
        pos += 2 + extra_len
    for bit in (FNAME, FCOMMENT):
        if flag & bit:
            end = data.find(b"\000", pos)
            if end < 0:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            pos = end + 1
    if flag & FHCRC:
        pos += 2
    return pos


def decompress(data):
    data = bytes(data)
    out = []
    pos = 0
    while pos < len(data):
        pos = _skip_header(data, pos)
        d = zlib.decompressobj(-15)
        chunk = d.decompress(data[pos:])
        if not d.eof:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        rest = d.unused_data
        if len(rest) < 8:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        crc, isize = struct.unpack("<II", rest[:8])
        if crc != zlib.crc32(chunk):
            raise BadGzipFile("CRC check failed")
        if isize != (len(chunk) & 0xFFFFFFFF):
            raise BadGzipFile("Incorrect length of data produced")
        out.append(chunk)
        pos = len(data) - len(rest) + 8
        while pos < len(data) and data[pos] == 0:
            pos += 1
    return b"".join(out)


class GzipFile(io.BufferedIOBase if hasattr(io, "BufferedIOBase") else object):
    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        else:
            self.myfileobj = None
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        self.name = filename
        self.fileobj = fileobj
        self.compresslevel = compresslevel
        self.mtime = mtime
        self.closed = False
        if mode.startswith("r"):
            self.mode = READ
            self._buffer = io.BytesIO(decompress(fileobj.read()))
        elif mode.startswith(("w", "a", "x")):
            self.mode = WRITE
            self._pending = bytearray()
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

    def _check(self, mode):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self.mode != mode:
            import errno
            what = "read() on write-only" if mode == READ else "write() on read-only"
            raise OSError(errno.EBADF, what + " GzipFile object")

    def write(self, data):
        self._check(WRITE)
        if isinstance(data, str):
            raise TypeError("memoryview: a bytes-like object is required, not 'str'")
        self._pending += data
        return len(data)

    def read(self, size=-1):
        self._check(READ)
        return self._buffer.read(size)

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check(READ)
        return self._buffer.readline(size)

    def readlines(self, hint=-1):
        self._check(READ)
        return self._buffer.readlines()

    def __iter__(self):
        self._check(READ)
        return iter(self._buffer.readlines())

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def flush(self):
        pass

    def close(self):
        if self.closed:
            return
        try:
            if self.mode == WRITE:
                fname = os.path.basename(self.name)
                if isinstance(fname, bytes):
                    fname = fname.decode("latin-1")
                if fname.endswith(".gz"):
                    fname = fname[:-3]
                try:
                    fname = fname.encode("latin-1")
                except UnicodeEncodeError:
                    fname = b""
                mtime = time.time() if self.mtime is None else self.mtime
                self.fileobj.write(_member(bytes(self._pending), self.compresslevel, mtime, fname))
        finally:
            self.closed = True
            if self.myfileobj is not None:
                self.myfileobj.close()
                self.myfileobj = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class _TextFile:
    """gzip.open in text mode: str in and out, encoded with the given encoding."""

    def __init__(self, binary, encoding, errors, newline):
        self._binary = binary
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        if binary.mode == READ:
            text = binary.read().decode(self._encoding, self._errors)
            if newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = io.StringIO(text)

    def write(self, s):
        self._binary.write(s.encode(self._encoding, self._errors))
        return len(s)

    def read(self, size=-1):
        return self._text.read(size)

    def readline(self, size=-1):
        return self._text.readline(size)

    def readlines(self, hint=-1):
        return self._text.readlines()

    def __iter__(self):
        return iter(self._text.readlines())

    def close(self):
        self._binary.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None,
         newline=None):
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _TextFile(binary_file, encoding, errors, newline)
    return binary_file
