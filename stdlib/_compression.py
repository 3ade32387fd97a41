"""What bz2 and lzma share (as CPython's _compression does): the multi-stream decompression loop
and the file objects their open() returns.

A file opened for reading is decompressed whole when opened and then read from memory; a file
opened for writing compresses each write() as it comes and writes the output straight through.
Text mode wraps either in TextFile (encoding each write, or decoding the whole file once)."""
import builtins
import io

BUFFER_SIZE = io.DEFAULT_BUFFER_SIZE


def as_bytes(data):
    """bytes of a bytes-like object (bytes, bytearray, memoryview, array)."""
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__) from None


def decompress_streams(data, new_decompressor, format_error, in_file):
    """The concatenated streams of `data`, one decompressor each. Data after the first stream
    that is not a stream is ignored (it is padding). A stream cut short is EOFError in a file and
    ValueError for the module's decompress(), as in CPython."""
    results = []
    while data:
        decomp = new_decompressor()
        try:
            res = decomp.decompress(data)
        except format_error:
            if results:
                break
            raise
        results.append(res)
        if not decomp.eof:
            if in_file:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            raise ValueError("Compressed data ended before the end-of-stream marker was reached")
        data = decomp.unused_data
    return b"".join(results)


class StreamCompressor:
    """Compresses data a piece at a time; flush() ends the stream. A subclass names its C module
    (`_lib`, which has compress_step) and sets self._stream in __init__."""

    _lib = None

    def compress(self, data, /):
        if self._flushed:
            raise ValueError("Compressor has been flushed")
        return self._lib.compress_step(self._stream, data, False)

    def flush(self):
        if self._flushed:
            raise ValueError("Repeated call to flush()")
        self._flushed = True
        return self._lib.compress_step(self._stream, b"", True)

    def __reduce__(self):
        raise TypeError("cannot pickle '%s' object" % type(self).__name__)


def _is_path(filename):
    return isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__")


class CompressedFile(io.IOBase):
    """A bz2/lzma file in binary mode: read/readline/iteration/seek when reading, write when
    writing. `decompress_all(data)` gives the content of a whole file; `compressor` makes the
    stream's output for writes."""

    def __init__(self, filename, mode, decompress_all, compressor):
        if mode in ("", "r", "rb"):
            mode = "rb"
        elif mode in ("w", "wb", "x", "xb", "a", "ab"):
            mode = mode.replace("b", "") + "b"
        else:
            raise ValueError("Invalid mode: %r" % (mode,))
        self._reading = mode == "rb"
        self._closefp = _is_path(filename)
        if self._closefp:
            self._fp = builtins.open(filename, mode)
            self.name = self._fp.name if hasattr(self._fp, "name") else filename
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike object")
        self.closed = False
        if self._reading:
            self._buffer = io.BytesIO(decompress_all(self._fp.read()))
        else:
            self._compressor = compressor
            self._pos = 0

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_reading(self):
        self._check_open()
        if not self._reading:
            raise io.UnsupportedOperation("File not open for reading")

    def readable(self):
        self._check_open()
        return self._reading

    def writable(self):
        self._check_open()
        return not self._reading

    def seekable(self):
        self._check_open()
        return self._reading

    def fileno(self):
        self._check_open()
        return self._fp.fileno()

    def read(self, size=-1):
        self._check_reading()
        return self._buffer.read(size)

    def read1(self, size=-1):
        return self.read(size if size >= 0 else BUFFER_SIZE)

    def peek(self, n=0):
        self._check_reading()
        pos = self._buffer.tell()
        data = self._buffer.read(max(n, BUFFER_SIZE))
        self._buffer.seek(pos)
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_reading()
        return self._buffer.readline(size)

    def readlines(self, size=-1):
        self._check_reading()
        return self._buffer.readlines(size)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, offset, whence=io.SEEK_SET):
        self._check_open()
        if not self._reading:
            raise io.UnsupportedOperation("Seeking is only supported on files open for reading")
        return self._buffer.seek(offset, whence)

    def tell(self):
        self._check_open()
        return self._buffer.tell() if self._reading else self._pos

    def write(self, data):
        self._check_open()
        if self._reading:
            raise io.UnsupportedOperation("File not open for writing")
        data = as_bytes(data)
        length = len(data)
        self._fp.write(self._compressor.compress(data))
        self._pos += length
        return length

    def writelines(self, seq):
        for line in seq:
            self.write(line)

    def close(self):
        if self.closed:
            return
        try:
            if not self._reading:
                self._fp.write(self._compressor.flush())
        finally:
            self.closed = True
            if self._closefp:
                self._fp.close()


class TextFile(io.IOBase):
    """Text mode over a CompressedFile: the whole content decoded once when reading, each write
    encoded as it comes when writing. newline as open() takes it: None translates '\\r\\n' and
    '\\r' to '\\n' when reading."""

    def __init__(self, binary, encoding, errors, newline):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = binary
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self._newline = newline
        self.closed = False
        if binary._reading:
            text = binary.read().decode(self.encoding, self.errors)
            if newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = io.StringIO(text)

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _reader(self):
        self._check_open()
        if not self.buffer._reading:
            raise io.UnsupportedOperation("not readable")
        return self._text

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def read(self, size=-1):
        return self._reader().read(size)

    def readline(self, size=-1):
        return self._reader().readline(size)

    def readlines(self, hint=-1):
        return self._reader().readlines(hint)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        out = s
        if self._newline not in (None, "", "\n"):
            out = out.replace("\n", self._newline)
        self.buffer.write(out.encode(self.encoding, self.errors))
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def close(self):
        if not self.closed:
            self.closed = True
            self.buffer.close()


def open_file(filename, mode, make_binary, encoding, errors, newline):
    """open() of bz2 and lzma: `make_binary(filename, mode)` makes the binary file."""
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
    binary = make_binary(filename, mode.replace("t", ""))
    if "t" in mode:
        return TextFile(binary, encoding, errors, newline)
    return binary
