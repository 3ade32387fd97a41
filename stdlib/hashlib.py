"""Secure hashes (Python's hashlib): md5, sha1, sha224, sha256, sha384, sha512, written in the
language. The round constants are computed from their definitions (fractional parts of square
and cube roots of primes, of sines) instead of being copied in as tables."""
import math
import struct

__all__ = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new",
           "algorithms_guaranteed", "algorithms_available"]

algorithms_guaranteed = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})
algorithms_available = algorithms_guaranteed


def _primes(n):
    out = []
    k = 2
    while len(out) < n:
        if all(k % p for p in out if p * p <= k):
            out.append(k)
        k += 1
    return out


def _icbrt(n):
    x = 1 << ((n.bit_length() + 2) // 3)
    while True:
        y = (2 * x + n // (x * x)) // 3
        if y >= x:
            break
        x = y
    while x * x * x > n:
        x -= 1
    while (x + 1) ** 3 <= n:
        x += 1
    return x


def _frac_bits(bits, root, count, skip=0):
    mask = (1 << bits) - 1
    out = []
    for p in _primes(count + skip)[skip:]:
        if root == 2:
            out.append(math.isqrt(p << (2 * bits)) & mask)
        else:
            out.append(_icbrt(p << (3 * bits)) & mask)
    return out


def _bytes(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError("object supporting the buffer API required")


class _Hash:
    """Buffers input in blocks; subclasses compress one block into self._h."""

    def __init__(self, data=b"", *, usedforsecurity=True):
        self._h = list(self._iv)
        self._buf = b""
        self._len = 0
        if data:
            self.update(data)

    def update(self, data):
        data = _bytes(data)
        self._len += len(data)
        buf = self._buf + data
        bs = self.block_size
        n = len(buf) - len(buf) % bs
        for i in range(0, n, bs):
            self._compress(buf[i:i + bs])
        self._buf = buf[n:]

    def copy(self):
        c = object.__new__(type(self))
        c._h = list(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def _padding(self, length_bytes, big_endian=True):
        bs = self.block_size
        ml = self._len * 8
        pad = b"\x80" + b"\x00" * ((bs - length_bytes - 1 - len(self._buf)) % bs)
        return pad + ml.to_bytes(length_bytes, "big" if big_endian else "little")

    def digest(self):
        c = self.copy()
        tail = c._buf + c._pad()
        for i in range(0, len(tail), c.block_size):
            c._compress(tail[i:i + c.block_size])
        return c._out()

    def hexdigest(self):
        return self.digest().hex()

    def __repr__(self):
        return "<%s _hashlib.HASH object @ %s>" % (self.name, hex(id(self)))


_K256 = _frac_bits(32, 3, 64)
_K512 = _frac_bits(64, 3, 80)
_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


class _Sha256(_Hash):
    block_size = 64
    digest_size = 32
    name = "sha256"
    _iv = _frac_bits(32, 2, 8)

    def _pad(self):
        return self._padding(8)

    def _compress(self, block):
        w = list(struct.unpack(">16L", block))
        for i in range(16, 64):
            x, y = w[i - 15], w[i - 2]
            s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
            s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
            w.append((w[i - 16] + (s0 & _M32) + w[i - 7] + (s1 & _M32)) & _M32)
        a, b, c, d, e, f, g, h = self._h
        for i in range(64):
            s1 = (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) & _M32
            ch = (e & f) ^ (~e & g)
            t1 = (h + s1 + ch + _K256[i] + w[i]) & _M32
            s0 = (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) & _M32
            t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) & _M32
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M32, c, b, a, (t1 + t2) & _M32
        self._h = [(x + y) & _M32 for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]

    def _out(self):
        return struct.pack(">8L", *self._h)[:self.digest_size]


class _Sha224(_Sha256):
    digest_size = 28
    name = "sha224"
    _iv = [x & _M32 for x in _frac_bits(64, 2, 8, skip=8)]


class _Sha512(_Hash):
    block_size = 128
    digest_size = 64
    name = "sha512"
    _iv = _frac_bits(64, 2, 8)

    def _pad(self):
        return self._padding(16)

    def _compress(self, block):
        w = list(struct.unpack(">16Q", block))
        for i in range(16, 80):
            x, y = w[i - 15], w[i - 2]
            s0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7)
            s1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6)
            w.append((w[i - 16] + (s0 & _M64) + w[i - 7] + (s1 & _M64)) & _M64)
        a, b, c, d, e, f, g, h = self._h
        for i in range(80):
            s1 = (((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))) & _M64
            ch = (e & f) ^ (~e & g)
            t1 = (h + s1 + ch + _K512[i] + w[i]) & _M64
            s0 = (((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))) & _M64
            t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) & _M64
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M64, c, b, a, (t1 + t2) & _M64
        self._h = [(x + y) & _M64 for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]

    def _out(self):
        return struct.pack(">8Q", *self._h)[:self.digest_size]


class _Sha384(_Sha512):
    digest_size = 48
    name = "sha384"
    _iv = _frac_bits(64, 2, 8, skip=8)


class _Sha1(_Hash):
    block_size = 64
    digest_size = 20
    name = "sha1"
    _iv = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]

    def _pad(self):
        return self._padding(8)

    def _compress(self, block):
        w = list(struct.unpack(">16L", block))
        for i in range(16, 80):
            x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
            w.append(((x << 1) | (x >> 31)) & _M32)
        a, b, c, d, e = self._h
        for i in range(80):
            if i < 20:
                f, k = (b & c) | (~b & d), 0x5A827999
            elif i < 40:
                f, k = b ^ c ^ d, 0x6ED9EBA1
            elif i < 60:
                f, k = (b & c) | (b & d) | (c & d), 0x8F1BBCDC
            else:
                f, k = b ^ c ^ d, 0xCA62C1D6
            t = (((a << 5) | (a >> 27)) + (f & _M32) + e + k + w[i]) & _M32
            a, b, c, d, e = t, a, ((b << 30) | (b >> 2)) & _M32, c, d
        self._h = [(x + y) & _M32 for x, y in zip(self._h, (a, b, c, d, e))]

    def _out(self):
        return struct.pack(">5L", *self._h)


_MD5_K = [int(abs(math.sin(i + 1)) * 2 ** 32) & _M32 for i in range(64)]
_MD5_S = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4


class _Md5(_Hash):
    block_size = 64
    digest_size = 16
    name = "md5"
    _iv = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476]

    def _pad(self):
        return self._padding(8, big_endian=False)

    def _compress(self, block):
        m = struct.unpack("<16L", block)
        a, b, c, d = self._h
        for i in range(64):
            if i < 16:
                f, g = (b & c) | (~b & d), i
            elif i < 32:
                f, g = (d & b) | (~d & c), (5 * i + 1) % 16
            elif i < 48:
                f, g = b ^ c ^ d, (3 * i + 5) % 16
            else:
                f, g = c ^ (b | (~d & _M32)), (7 * i) % 16
            f = (f + a + _MD5_K[i] + m[g]) & _M32
            a, d, c = d, c, b
            s = _MD5_S[i]
            b = (b + ((f << s) | (f >> (32 - s)))) & _M32
        self._h = [(x + y) & _M32 for x, y in zip(self._h, (a, b, c, d))]

    def _out(self):
        return struct.pack("<4L", *self._h)


def md5(data=b"", *, usedforsecurity=True):
    return _Md5(data)


def sha1(data=b"", *, usedforsecurity=True):
    return _Sha1(data)


def sha224(data=b"", *, usedforsecurity=True):
    return _Sha224(data)


def sha256(data=b"", *, usedforsecurity=True):
    return _Sha256(data)


def sha384(data=b"", *, usedforsecurity=True):
    return _Sha384(data)


def sha512(data=b"", *, usedforsecurity=True):
    return _Sha512(data)


_constructors = {"md5": md5, "sha1": sha1, "sha224": sha224, "sha256": sha256,
                 "sha384": sha384, "sha512": sha512}


def new(name, data=b"", **kwargs):
    try:
        return _constructors[name.lower()](data)
    except KeyError:
        raise ValueError("unsupported hash type " + name) from None
