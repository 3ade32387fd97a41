"""Base16/32/64/85 encodings (Python's base64 module): Base64 over binascii; Base32 (and its
extended-hex alphabet), Ascii85 and Base85 written out here, as in CPython's base64.py."""
from _ml_text import text as _t
import binascii

__all__ = ["b64encode", "b64decode", "standard_b64encode", "standard_b64decode",
           "urlsafe_b64encode", "urlsafe_b64decode", "b16encode", "b16decode",
           "b32encode", "b32decode", "b32hexencode", "b32hexdecode", "a85encode", "a85decode",
           "b85encode", "b85decode", "encode", "decode", "encodebytes", "decodebytes"]


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
_b32hexalphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"


_b32tab2 = {}


def _b32encode(alphabet, s):
    # each 5 bytes are 40 bits: four 10-bit halves, each two characters of a 1024-entry table
    tab2 = _b32tab2.get(alphabet)
    if tab2 is None:
        tab = [bytes((c,)) for c in alphabet]
        tab2 = _b32tab2[alphabet] = [x + y for x in tab for y in tab]
    s = bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b"\0" * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], "big")
        out += tab2[c >> 30] + tab2[(c >> 20) & 0x3FF] + tab2[(c >> 10) & 0x3FF] + tab2[c & 0x3FF]
    if leftover:
        keep = {1: 2, 2: 4, 3: 5, 4: 7}[leftover]
        out[-(8 - keep):] = b"=" * (8 - keep)
    return bytes(out)


_b32trans = {}


def _b32decode(alphabet, s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if len(s) % 8:
        raise binascii.Error(_t("binascii.padding", "Incorrect padding"))
    stripped = s.rstrip(b"=")
    npad = len(s) - len(stripped)
    drop = {0: 0, 1: 1, 3: 2, 4: 3, 6: 4}.get(npad)
    if drop is None:
        raise binascii.Error(_t("binascii.padding", "Incorrect padding"))
    # the alphabet's characters become int()'s base-32 digits; any other byte a "!" int() refuses
    table = _b32trans.get(alphabet)
    if table is None:
        t = bytearray(b"!" * 256)
        for i, c in enumerate(alphabet):
            t[c] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"[i]
        table = _b32trans[alphabet] = bytes(t)
    digits = (stripped.translate(table) + b"0" * npad).decode("ascii")
    out = bytearray()
    try:
        for i in range(0, len(digits), 8):
            out += int(digits[i:i + 8], 32).to_bytes(5, "big")
    except ValueError:
        raise binascii.Error(_t("base64.non_base32", "Non-base32 digit found")) from None
    if drop:
        del out[-drop:]
    return bytes(out)


def b32encode(s):
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    if map01 is not None:  # the digit 0 is read as O, and 1 as the letter map01 names
        map01 = _bytes_from_decode_data(map01)
        s = _bytes_from_decode_data(s).translate(bytes.maketrans(b"01", b"O" + map01))
    return _b32decode(_b32alphabet, s, casefold)


def b32hexencode(s):
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_b32hexalphabet, s, casefold)


# Ascii85 and Base85: each 4 bytes (a big-endian word) become 5 digits of base 85.
def _85encode(b, chars, chars2, pad=False, foldnuls=False, foldspaces=False):
    if not isinstance(b, (bytes, bytearray)):
        b = memoryview(b).tobytes()
    b = bytes(b)
    padding = (-len(b)) % 4
    if padding:
        b = b + b"\0" * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], "big")
        if foldnuls and not word:
            chunks.append(b"z")
        elif foldspaces and word == 0x20202020:
            chunks.append(b"y")
        else:
            chunks.append(chars2[word // 614125] + chars2[word // 85 % 7225] + chars[word % 85])
    if padding and not pad:
        if chunks[-1] == b"z":
            chunks[-1] = chars[0] * 5
        chunks[-1] = chunks[-1][:-padding]
    return b"".join(chunks)


_A85START = b"<~"
_A85END = b"~>"
_a85chars = [bytes((i,)) for i in range(33, 118)]
_a85chars2 = None


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    global _a85chars2
    if _a85chars2 is None:
        _a85chars2 = [x + y for x in _a85chars for y in _a85chars]
    result = _85encode(b, _a85chars, _a85chars2, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b"")
        result = b"\n".join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b" \t\n\r\v"):
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError(_t("base64.a85_end", "Ascii85 encoded byte sequences must end with {end}", end=repr(_A85END)))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    decoded = []
    curr = []
    for x in b + b"u" * 4:
        if 33 <= x <= 117:  # "!" to "u"
            curr.append(x)
            if len(curr) == 5:
                acc = 0
                for c in curr:
                    acc = 85 * acc + (c - 33)
                if acc > 0xFFFFFFFF:
                    raise ValueError(_t("base64.a85_overflow", "Ascii85 overflow"))
                decoded.append(acc.to_bytes(4, "big"))
                curr.clear()
        elif x == 122:  # "z"
            if curr:
                raise ValueError(_t("base64.a85_z_inside", "z inside Ascii85 5-tuple"))
            decoded.append(b"\0\0\0\0")
        elif foldspaces and x == 121:  # "y"
            if curr:
                raise ValueError(_t("base64.a85_y_inside", "y inside Ascii85 5-tuple"))
            decoded.append(b"    ")
        elif x in ignorechars:
            continue
        else:
            raise ValueError(_t("base64.a85_bad_digit", "Non-Ascii85 digit found: {char}", char=chr(x)))
    result = b"".join(decoded)
    padding = 4 - len(curr)
    if padding:
        result = result[:-padding]
    return result


_b85alphabet = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_b85chars = [bytes((i,)) for i in _b85alphabet]
_b85chars2 = None
_b85dec = None


def b85encode(b, pad=False):
    global _b85chars2
    if _b85chars2 is None:
        _b85chars2 = [x + y for x in _b85chars for y in _b85chars]
    return _85encode(b, _b85chars, _b85chars2, pad)


def b85decode(b):
    global _b85dec
    if _b85dec is None:
        _b85dec = [None] * 256
        for i, c in enumerate(_b85alphabet):
            _b85dec[c] = i
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b"~" * padding
    out = []
    for i in range(0, len(b), 5):
        acc = 0
        for j, c in enumerate(b[i:i + 5]):
            v = _b85dec[c]
            if v is None:
                raise ValueError(_t("base64.b85_bad_char", "bad base85 character at position {pos}", pos=i + j))
            acc = acc * 85 + v
        if acc > 0xFFFFFFFF:
            raise ValueError(_t("base64.b85_overflow", "base85 overflow in hunk starting at byte {pos}", pos=i))
        out.append(acc.to_bytes(4, "big"))
    result = b"".join(out)
    if padding:
        result = result[:-padding]
    return result


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Base64 of the binary file `input`, written to `output` in lines of 76 characters."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            ns = input.read(MAXBINSIZE - len(s))
            if not ns:
                break
            s += ns
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """The bytes of the Base64 lines of the binary file `input`, written to `output`."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
