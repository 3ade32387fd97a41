"""The codec functions under codecs (encode, decode, escape_decode): pickles name them
_codecs.encode, as CPython's do."""


def encode(obj, encoding="utf-8", errors="strict"):
    if not isinstance(obj, str):
        raise TypeError("utf_8_encode() argument 1 must be str, not %s" % type(obj).__name__)
    return obj.encode(encoding, errors)


def decode(obj, encoding="utf-8", errors="strict"):
    return bytes(obj).decode(encoding, errors)


_simple_escapes = {ord("\\"): b"\\", ord("'"): b"'", ord('"'): b'"', ord("a"): b"\x07",
                   ord("b"): b"\x08", ord("f"): b"\x0c", ord("n"): b"\n", ord("r"): b"\r",
                   ord("t"): b"\t", ord("v"): b"\x0b", ord("\n"): b""}


def escape_decode(data, errors=None):
    """Python string escapes in bytes (\\n, \\x41, \\101) decoded: (bytes, length consumed)."""
    if isinstance(data, str):
        data = data.encode("latin-1")
    data = bytes(data)
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c != 0x5C or i + 1 >= n:
            if c == 0x5C:
                raise ValueError("Trailing \\ in string")
            out.append(c)
            i += 1
            continue
        e = data[i + 1]
        if e in _simple_escapes:
            out += _simple_escapes[e]
            i += 2
        elif e == ord("x"):
            hexpart = data[i + 2:i + 4]
            if len(hexpart) < 2 or any(ch not in b"0123456789abcdefABCDEF" for ch in hexpart):
                raise ValueError("invalid \\x escape at position %d" % i)
            out.append(int(hexpart, 16))
            i += 4
        elif 0x30 <= e <= 0x37:
            j = i + 1
            while j < n and j < i + 4 and 0x30 <= data[j] <= 0x37:
                j += 1
            out.append(int(data[i + 1:j], 8) & 0xFF)
            i = j
        else:
            out += data[i:i + 2]
            i += 2
    return bytes(out), n
