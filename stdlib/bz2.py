"""bzip2 compression (Python's bz2) over Debian's libbz2 (the C++ module _bz2): one-shot
compress/decompress, the incremental BZ2Compressor and BZ2Decompressor, and open()/BZ2File in
binary and text modes (_compression). The library is CPython's own, so the bytes are too."""
import _bz2
import _compression

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor", "open", "compress", "decompress"]


def _level(compresslevel):
    if not isinstance(compresslevel, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(compresslevel).__name__)
    if not 1 <= compresslevel <= 9:
        raise ValueError("compresslevel must be between 1 and 9")
    return compresslevel


class BZ2Compressor(_compression.StreamCompressor):
    """Compresses data a piece at a time; flush() ends the stream."""

    _lib = _bz2

    def __init__(self, compresslevel=9, /):
        self._stream = _bz2.compressor_new(_level(compresslevel))
        self._flushed = False


class BZ2Decompressor:
    """Decompresses one stream a piece at a time: eof once it ended, unused_data what followed
    it, needs_input whether more input is wanted before more output can come."""

    def __init__(self):
        self._stream = _bz2.decompressor_new()
        self._pending = b""
        self.eof = False
        self.unused_data = b""
        self.needs_input = True

    def decompress(self, data, /, max_length=-1):
        if self.eof:
            raise EOFError("End of stream already reached")
        if not isinstance(max_length, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(max_length).__name__)
        data = self._pending + _compression.as_bytes(data) if self._pending else data
        out, used, eof, full = _bz2.decompress_step(self._stream, data, max_length)
        rest = bytes(data[used:]) if used < len(data) else b""
        if eof:
            self.eof = True
            self.needs_input = False
            self.unused_data = rest
            self._pending = b""
        elif not rest:
            self._pending = b""
            self.needs_input = not full
        else:
            self._pending = rest
            self.needs_input = False
        return out

    def __reduce__(self):
        raise TypeError("cannot pickle 'BZ2Decompressor' object")


def compress(data, compresslevel=9):
    """The bzip2 stream of `data`, as CPython makes it."""
    comp = BZ2Compressor(compresslevel)
    return comp.compress(data) + comp.flush()


def decompress(data):
    """The data of one or more concatenated bzip2 streams."""
    return _compression.decompress_streams(data, BZ2Decompressor, OSError, False)


class BZ2File(_compression.CompressedFile):
    def __init__(self, filename, mode="r", *, compresslevel=9):
        comp = None
        if mode not in ("", "r", "rb"):
            comp = BZ2Compressor(compresslevel)
        else:
            _level(compresslevel)
        super().__init__(filename, mode, _read_all, comp)


def _read_all(data):
    return _compression.decompress_streams(data, BZ2Decompressor, OSError, True)


def open(filename, mode="rb", compresslevel=9, encoding=None, errors=None, newline=None):
    """A BZ2File in binary mode, or a text file over one in text mode ("rt", "wt"...)."""
    return _compression.open_file(filename, mode, lambda f, m: BZ2File(f, m, compresslevel=compresslevel),
                                  encoding, errors, newline)
