"""Bit-level compression in the style of pyflate: a bit writer/reader over bytearray, canonical
Huffman codes (as DEFLATE builds them), LZ77 matching, and a CRC check, round-tripped."""
import heapq
import binascii
from collections import Counter


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def write(self, value, nbits):
        self.acc |= (value & ((1 << nbits) - 1)) << self.n
        self.n += nbits
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def write_rev(self, code, length):
        # Huffman codes go most significant bit first (DEFLATE)
        rev = 0
        for _ in range(length):
            rev = (rev << 1) | (code & 1)
            code >>= 1
        self.write(rev, length)

    def flush(self):
        if self.n:
            self.out.append(self.acc & 0xFF)
            self.acc = 0
            self.n = 0
        return bytes(self.out)


class BitReader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.acc = 0
        self.n = 0

    def read(self, nbits):
        while self.n < nbits:
            self.acc |= self.data[self.pos] << self.n
            self.pos += 1
            self.n += 8
        v = self.acc & ((1 << nbits) - 1)
        self.acc >>= nbits
        self.n -= nbits
        return v

    def read_bit(self):
        return self.read(1)


def code_lengths(freqs, limit=15):
    heap = [(f, i, (sym,)) for i, (sym, f) in enumerate(sorted(freqs.items()))]
    heapq.heapify(heap)
    lengths = {sym: 0 for sym in freqs}
    if len(heap) == 1:
        return {heap[0][2][0]: 1}
    counter = len(heap)
    while len(heap) > 1:
        f1, _, s1 = heapq.heappop(heap)
        f2, _, s2 = heapq.heappop(heap)
        for s in s1 + s2:
            lengths[s] += 1
        heapq.heappush(heap, (f1 + f2, counter, s1 + s2))
        counter += 1
    assert max(lengths.values()) <= limit
    return lengths


def canonical_codes(lengths):
    max_len = max(lengths.values())
    bl_count = [0] * (max_len + 1)
    for l in lengths.values():
        bl_count[l] += 1
    bl_count[0] = 0
    code = 0
    next_code = [0] * (max_len + 2)
    for bits in range(1, max_len + 1):
        code = (code + bl_count[bits - 1]) << 1
        next_code[bits] = code
    codes = {}
    for sym in sorted(lengths):
        l = lengths[sym]
        if l:
            codes[sym] = (next_code[l], l)
            next_code[l] += 1
    return codes


def lz77(data, window=4096, min_len=3, max_len=34):
    i = 0
    out = []
    index = {}
    while i < len(data):
        best_len = 0
        best_dist = 0
        key = data[i:i + min_len]
        for j in reversed(index.get(key, [])[-16:]):
            if i - j > window:
                break
            l = 0
            while l < max_len and i + l < len(data) and data[j + l] == data[i + l]:
                l += 1
            if l > best_len:
                best_len, best_dist = l, i - j
        if best_len >= min_len:
            out.append((best_dist, best_len))
            for k in range(i, i + best_len):
                index.setdefault(data[k:k + min_len], []).append(k)
            i += best_len
        else:
            out.append(data[i])
            index.setdefault(key, []).append(i)
            i += 1
    return out


def compress(data):
    tokens = lz77(data)
    syms = Counter(t if isinstance(t, int) else 256 + t[1] for t in tokens)
    syms[300] += 1  # end of block
    lengths = code_lengths(syms)
    codes = canonical_codes(lengths)
    w = BitWriter()
    w.write(len(lengths), 9)
    for sym in sorted(lengths):
        w.write(sym, 9)
        w.write(lengths[sym], 4)
    for t in tokens:
        if isinstance(t, int):
            w.write_rev(*codes[t])
        else:
            dist, length = t
            w.write_rev(*codes[256 + length])
            w.write(dist - 1, 12)
    w.write_rev(*codes[300])
    return w.flush(), codes


def decompress(blob):
    r = BitReader(blob)
    n = r.read(9)
    lengths = {}
    for _ in range(n):
        sym = r.read(9)
        lengths[sym] = r.read(4)
    codes = canonical_codes(lengths)
    decode = {(c, l): s for s, (c, l) in codes.items()}
    out = bytearray()
    while True:
        code = 0
        length = 0
        while (code, length) not in decode:
            code = (code << 1) | r.read_bit()
            length += 1
        sym = decode[(code, length)]
        if sym == 300:
            break
        if sym < 256:
            out.append(sym)
        else:
            dist = r.read(12) + 1
            for _ in range(sym - 256):
                out.append(out[-dist])
    return bytes(out)


TEXT = (b"The quick brown fox jumps over the lazy dog. " * 3 +
        b"Pack my box with five dozen liquor jugs! 0123456789 " * 4 +
        bytes(range(0, 256, 7)) + b"abracadabra" * 9)

blob, codes = compress(TEXT)
back = decompress(blob)
print(len(TEXT), len(blob), back == TEXT, binascii.crc32(TEXT), binascii.crc32(blob) & 0xffffffff)
print(sorted(codes.items())[:6])
print(blob[:16].hex(), blob[-4:])
for sample in (b"a", b"ab" * 50, bytes(200), b"mississippi"):
    b2, _ = compress(sample)
    print(len(sample), len(b2), decompress(b2) == sample)

x = 0b1011_0110
print(bin(x), x.bit_length(), x.bit_count() if hasattr(x, "bit_count") else bin(x).count("1"), x >> 3, x << 5, ~x, x & -x, x ^ 0xFF, (-x) >> 2, -x % 7)
print((1 << 100) >> 97, (2 ** 64 - 1).to_bytes(8, "little"), int.from_bytes(b"\xff\xfe", "big", signed=True), (-1).to_bytes(2, "big", signed=True))
print(hex(0xDEADBEEF & 0x0F0F0F0F), oct(511), format(37, "012b"), int("z", 36), int("0b101", 0), int("  -0x1F  ", 16))
crc = 0xFFFFFFFF
for byte in b"123456789":
    crc ^= byte
    for _ in range(8):
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1))
print(hex(crc ^ 0xFFFFFFFF), hex(binascii.crc32(b"123456789")), binascii.crc_hqx(b"123456789", 0))
ba = bytearray(16)
for i in range(128):
    if i % 3 == 0:
        ba[i >> 3] |= 1 << (i & 7)
print(ba.hex(), sum(bin(b).count("1") for b in ba), ba[2], bytes(ba[::4]))
