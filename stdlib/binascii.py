"""Conversions between binary data and ASCII (Python's binascii): hex, base64, crc32."""

from _ml_text import text as _t

__all__ = ["Error", "Incomplete", "hexlify", "unhexlify", "b2a_hex", "a2b_hex", "crc32",
           "crc_hqx", "b2a_base64", "a2b_base64"]


try:  # the byte loops, in C++ (src/interp/lib/binascii.cpp)
    import _binascii as _native
except ImportError:
    _native = None


try:  # zlib's CRC-32 is binascii's
    from _zlib import crc32 as _zlib_crc32
except ImportError:
    _zlib_crc32 = None


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _bytes_like(data, name):
    if isinstance(data, str):
        if name.startswith("a2b") and data.isascii():
            return data.encode("ascii")
        if name.startswith("a2b"):
            raise ValueError(_t("binascii.ascii_only", "string argument should contain only ASCII characters"))
        raise TypeError(_t("common.bytes_like", "a bytes-like object is required, not '{type}'", type="str"))
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError(_t("common.bytes_like", "a bytes-like object is required, not '{type}'", type=type(data).__name__))


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes_like(data, "b2a_hex")
    if sep is None:
        return data.hex().encode("ascii")
    return data.hex(sep, bytes_per_sep).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _bytes_like(hexstr, "a2b_hex")
    if len(hexstr) % 2:
        raise Error(_t("binascii.odd_length", "Odd-length string"))
    try:
        return bytes.fromhex(hexstr.decode("ascii"))
    except ValueError:
        raise Error(_t("binascii.non_hex", "Non-hexadecimal digit found")) from None


a2b_hex = unhexlify

_crc_table = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else (_c >> 1)
    _crc_table.append(_c)
del _n, _c, _k


def crc32(data, value=0):
    data = _bytes_like(data, "crc32")
    if _zlib_crc32 is not None:
        return _zlib_crc32(data, value)
    crc = (value & 0xFFFFFFFF) ^ 0xFFFFFFFF
    table = _crc_table
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc_hqx(data, value):
    data = _bytes_like(data, "crc_hqx")
    crc = value & 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_REV = {c: i for i, c in enumerate(_B64)}


def b2a_base64(data, *, newline=True):
    data = _bytes_like(data, "b2a_base64")
    if _native is not None:
        return _native.b2a_base64(data, newline)
    out = bytearray()
    for i in range(0, len(data) - 2, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63])) + b"=="
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _bytes_like(data, "a2b_base64")
    if _native is not None and not strict_mode:
        decoded = _native.a2b_base64(data)  # None unless the text is plain, padded Base64
        if decoded is not None:
            return decoded
    out = bytearray()
    acc = 0
    nbits = 0
    pads = 0
    count = 0
    for c in data:
        if c == 61:  # '='
            pads += 1
            if count % 4 >= 2 and count % 4 + pads >= 4:
                acc = 0
                nbits = 0
                count = 0
                pads = 0
            continue
        v = _B64_REV.get(c)
        if v is None:
            if strict_mode:
                raise Error(_t("binascii.base64_only", "Only base64 data is allowed"))
            continue
        pads = 0
        count += 1
        acc = (acc << 6) | v
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)
            acc &= (1 << nbits) - 1
    if count % 4 == 1:
        raise Error(_t("binascii.base64_count", "Invalid base64-encoded string: number of data characters ({count}) cannot be 1 more than a multiple of 4", count=count))
    if count % 4:
        raise Error(_t("binascii.padding", "Incorrect padding"))
    return bytes(out)
