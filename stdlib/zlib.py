"""Compression with zlib (Python's zlib): compress, decompress, crc32 and adler32 are Debian's
zlib (the C++ module _zlib); compressobj and decompressobj stream over them.

compressobj and decompressobj each keep one zlib stream (a C++ object of _zlib) between calls:
each piece is deflated or inflated once, as it comes, and the output is what CPython's gives.
unconsumed_tail holds input left over when max_length cut the output short, unused_data what
follows the end of the stream, eof tells whether it was reached.
"""
from _zlib import compress as _compress, decompress as _decompress, crc32, adler32, error, \
    deflate_new as _deflate_new, deflate_step as _deflate_step, inflate_new as _inflate_new, \
    inflate_step as _inflate_step, stream_copy as _stream_copy, ZLIB_VERSION, ZLIB_RUNTIME_VERSION

__all__ = ["compress", "decompress", "crc32", "adler32", "compressobj", "decompressobj", "error"]

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_DEFAULT_STRATEGY = 0
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    return _compress(data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    return _decompress(data, wbits)


def _as_bytes(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if hasattr(type(data), "__bytes__"):
        return bytes(data)
    if hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


class _Compress:
    def __init__(self, stream):
        self._stream = stream
        self._finished = False

    def compress(self, data):
        if self._finished:
            raise error("Error -2 while compressing data: inconsistent stream state")
        return _deflate_step(self._stream, _as_bytes(data), Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH):
        if mode == Z_NO_FLUSH:
            return b""
        if self._finished:
            raise error("Error -2 while flushing: inconsistent stream state")
        out = _deflate_step(self._stream, b"", mode)
        if mode == Z_FINISH:
            self._finished = True
        return out

    def copy(self):
        if self._finished:
            raise ValueError("Inconsistent stream state")
        other = _Compress(_stream_copy(self._stream))
        return other

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


class _Decompress:
    def __init__(self, stream, zdict):
        self._stream = stream
        self._zdict = zdict
        self.unused_data = b""
        self.unconsumed_tail = b""
        self.eof = False

    def decompress(self, data, max_length=0):
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        data = _as_bytes(data)
        if self.eof:
            self.unused_data += data
            return b""
        out, used, eof = _inflate_step(self._stream, data, max_length, self._zdict)
        if eof:
            self.eof = True
            self.unused_data += data[used:]
            self.unconsumed_tail = b""
        else:
            self.unconsumed_tail = data[used:]
        return out

    def flush(self, length=DEF_BUF_SIZE):
        if length <= 0:
            raise ValueError("length must be greater than zero")
        if self.eof:
            return b""
        tail = self.unconsumed_tail
        out, used, eof = _inflate_step(self._stream, tail, 0, self._zdict)
        self.unconsumed_tail = b""
        if eof:
            self.eof = True
            self.unused_data += tail[used:]
        return out

    def copy(self):
        other = _Decompress(_stream_copy(self._stream), self._zdict)
        other.unused_data, other.unconsumed_tail, other.eof = self.unused_data, self.unconsumed_tail, self.eof
        return other

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
                strategy=Z_DEFAULT_STRATEGY, zdict=None):
    if method != DEFLATED:
        raise ValueError("Invalid initialization option")
    if zdict is not None:
        zdict = _as_bytes(zdict)
    return _Compress(_deflate_new(level, wbits, memLevel, strategy, zdict))


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    zdict = _as_bytes(zdict) if zdict else None
    return _Decompress(_inflate_new(wbits, zdict), zdict)
