"""gzip files and data (Python's gzip) over zlib's gzip streams (wbits 31): compress(),
decompress() (members one after another), and open()/GzipFile for reading and writing whole
files in binary or text mode."""
import builtins
import io
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ, WRITE = "rb", "wb"


class BadGzipFile(OSError):
    pass


def compress(data, compresslevel=9, *, mtime=None):
    c = zlib.compressobj(compresslevel, zlib.DEFLATED, 31)
    out = c.compress(data) + c.flush()
    if mtime is not None:  # the header's MTIME field (bytes 4-7, little-endian)
        out = out[:4] + int(mtime).to_bytes(4, "little") + out[8:]
    return out


def decompress(data):
    out = []
    while data:
        if data[:2] != b"\x1f\x8b":
            raise BadGzipFile("Not a gzipped file (%r)" % data[:2])
        d = zlib.decompressobj(31)
        out.append(d.decompress(data))
        if not d.eof:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        data = d.unused_data.lstrip(b"\x00")
    return b"".join(out)


class GzipFile(io.BytesIO):
    def __init__(self, filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None):
        mode = (mode or "rb").replace("t", "")
        if "b" not in mode:
            mode += "b"
        self.mode = READ if mode.startswith("r") else WRITE
        self.name = filename if filename is not None else getattr(fileobj, "name", "")
        self._fileobj = fileobj
        self._filename = filename
        self._level = compresslevel
        self._mtime = mtime
        self._append = mode.startswith("a")
        if self.mode == READ:
            if fileobj is not None:
                raw = fileobj.read()
            else:
                with builtins.open(filename, "rb") as f:
                    raw = f.read()
            super().__init__(decompress(raw))
        else:
            super().__init__()

    def close(self):
        if self.closed:
            return
        if self.mode == WRITE:
            data = compress(self.getvalue(), self._level, mtime=self._mtime)
            if self._fileobj is not None:
                self._fileobj.write(data)
            else:
                with builtins.open(self._filename, "ab" if self._append else "wb") as f:
                    f.write(data)
        super().close()

    def __exit__(self, *exc):
        self.close()


class _GzipText(io.StringIO):
    """Text mode: the whole file decoded on open (reading), or encoded and written on close."""

    def __init__(self, binary, encoding, errors, newline):
        self._binary = binary
        self._encoding = encoding or "utf-8"
        self._errors = errors or "strict"
        initial = binary.getvalue().decode(self._encoding, self._errors) if binary.mode == READ else ""
        super().__init__(initial, newline=newline)

    def close(self):
        if self.closed:
            return
        if self._binary.mode == WRITE:
            self._binary.write(self.getvalue().encode(self._encoding, self._errors))
        self._binary.close()
        super().close()

    def __exit__(self, *exc):
        self.close()


def open(filename, mode="rb", compresslevel=9, encoding=None, errors=None, newline=None):
    is_path = isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__")
    binary = GzipFile(filename if is_path else None, mode.replace("t", ""), compresslevel,
                      fileobj=None if is_path else filename)
    if "t" in mode:
        return _GzipText(binary, encoding, errors, newline)
    return binary
