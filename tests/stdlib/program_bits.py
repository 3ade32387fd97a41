class BitReader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.bitbuf = 0
        self.nbits = 0

    def bits(self, n):
        while self.nbits < n:
            self.bitbuf = (self.bitbuf << 8) | self.data[self.pos]
            self.pos += 1
            self.nbits += 8
        self.nbits -= n
        v = (self.bitbuf >> self.nbits) & ((1 << n) - 1)
        self.bitbuf &= (1 << self.nbits) - 1
        return v

def crc32_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table

TABLE = crc32_table()

def crc32(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF

def huffman_lengths(freqs):
    import heapq
    heap = [(f, i, None) for i, f in enumerate(freqs) if f]
    heapq.heapify(heap)
    nodes = {}
    counter = len(freqs)
    while len(heap) > 1:
        f1, i1, _ = heapq.heappop(heap)
        f2, i2, _ = heapq.heappop(heap)
        nodes[i1] = counter
        nodes[i2] = counter
        heapq.heappush(heap, (f1 + f2, counter, None))
        counter += 1
    lengths = []
    for i, f in enumerate(freqs):
        if not f:
            lengths.append(0)
            continue
        d, n = 0, i
        while n in nodes:
            n = nodes[n]
            d += 1
        lengths.append(d)
    return lengths

data = bytes((i * 37 + 11) % 256 for i in range(1000))
r = BitReader(data)
vals = [r.bits(n) for n in (1, 3, 5, 7, 9, 11, 13, 2, 4, 16, 24, 31)]
print(vals)
print(hex(crc32(data)), hex(crc32(b"The quick brown fox jumps over the lazy dog")))
freqs = [0] * 16
for b in data:
    freqs[b & 15] += 1
freqs[3] = 1
print(huffman_lengths(freqs))
x = 0x0123456789ABCDEF
print(hex(((x << 13) | (x >> 51)) & 0xFFFFFFFFFFFFFFFF), bin(x)[-20:], x.bit_length(), (-x) >> 7, ~x & 0xFF, x.to_bytes(8, "big").hex(), int.from_bytes(b"\x01\x02", "little"))
print(bin(255), oct(8), f"{1023:b}", f"{-5 & 0xFFFF:#06x}", (1 << 100) % 97, pow(3, 1000, 2**61 - 1), divmod(-17, 5), (-17) % 5)
