"""Base16/32/64 encodings (Python's base64 module), over binascii."""
from _ml_text import text as _t
import binascii

__all__ = ["b64encode", "b64decode", "standard_b64encode", "standard_b64decode",
           "urlsafe_b64encode", "urlsafe_b64decode", "b16encode", "b16decode",
           "b32encode", "b32decode", "encodebytes", "decodebytes"]


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError(_t("binascii.ascii_only", "string argument should contain only ASCII characters"))
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError(_t("base64.arg_type", "argument should be a bytes-like object or ASCII string, not '{type}'", type=type(s).__name__))


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        return encoded.translate(bytes.maketrans(b"+/", altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        s = s.translate(bytes.maketrans(altchars, b"+/"))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).translate(bytes.maketrans(b"+/", b"-_"))


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(bytes.maketrans(b"-_", b"+/")))


def encodebytes(s):
    out = []
    for i in range(0, len(s), 57):
        out.append(binascii.b2a_base64(s[i:i + 57]))
    return b"".join(out)


def decodebytes(s):
    return binascii.a2b_base64(s)


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b"0123456789ABCDEF":
            raise binascii.Error(_t("base64.non_base16", "Non-base16 digit found"))
    return binascii.unhexlify(s)


_b32alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def b32encode(s):
    s = bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = int.from_bytes(chunk + b"\0" * (5 - len(chunk)), "big")
        out += bytes(_b32alphabet[(n >> (35 - 5 * j)) & 31] for j in range(8))
        if len(chunk) < 5:
            keep = {1: 2, 2: 4, 3: 5, 4: 7}[len(chunk)]
            out[-(8 - keep):] = b"=" * (8 - keep)
    return bytes(out)


def b32decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if len(s) % 8:
        raise binascii.Error(_t("binascii.padding", "Incorrect padding"))
    stripped = s.rstrip(b"=")
    npad = len(s) - len(stripped)
    out = bytearray()
    for i in range(0, len(s), 8):
        n = 0
        for c in s[i:i + 8]:
            v = 0 if c == 61 else _b32alphabet.find(bytes([c]))
            if v < 0:
                raise binascii.Error(_t("base64.non_base32", "Non-base32 digit found"))
            n = (n << 5) | v
        out += n.to_bytes(5, "big")
    if npad:
        drop = {1: 1, 3: 2, 4: 3, 6: 4}.get(npad)
        if drop is None:
            raise binascii.Error(_t("binascii.padding", "Incorrect padding"))
        del out[-drop:]
    return bytes(out)
