"""zlib's compressobj/decompressobj as streaming code uses them: pieces deflated as they come
(the output equals compress()'s), sync flushes, inflating a few bytes at a time, max_length
with unconsumed_tail, unused_data after the stream, copies, zdict, gzip and raw wbits."""
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))
c = zlib.compressobj(6)
parts = [c.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(c.flush())
z = b"".join(parts)
print(len(z), z == zlib.compress(data, 6), sum(1 for p in parts if p), zlib.decompress(z) == data)

d = zlib.decompressobj()
out = b"".join(d.decompress(z[i:i + 37]) for i in range(0, len(z), 37)) + d.flush()
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)

d = zlib.decompressobj()
first = d.decompress(z, 100)
print(len(first), len(d.unconsumed_tail) > 0, d.eof)
chunks = [first]
while d.unconsumed_tail:
    chunks.append(d.decompress(d.unconsumed_tail, 50000))
print(b"".join(chunks) == data, d.eof, len(chunks))

d = zlib.decompressobj()
print(d.decompress(z + b"TRAILER") == data, d.unused_data, d.eof)
print(d.decompress(b"more"), d.unused_data)

c = zlib.compressobj()
a = c.compress(b"hello ")
b = c.flush(zlib.Z_SYNC_FLUSH)
d = zlib.decompressobj()
print(a, d.decompress(a + b))
c2 = c.copy()
tail1 = c.compress(b"world") + c.flush()
tail2 = c2.compress(b"there") + c2.flush()
print(d.copy().decompress(tail1), d.decompress(tail2))

zd = b"the quick brown fox jumps over the lazy dog"
c = zlib.compressobj(zdict=zd)
zz = c.compress(zd * 3) + c.flush()
print(len(zz) < len(zlib.compress(zd * 3)), zlib.decompressobj(zdict=zd).decompress(zz) == zd * 3)
try:
    zlib.decompressobj().decompress(zz)
except zlib.error as e:
    print("error", e)

for wbits in (31, -15):
    c = zlib.compressobj(9, zlib.DEFLATED, wbits)
    g = c.compress(data[:5000]) + c.flush()
    d = zlib.decompressobj(wbits)
    print(wbits, g[:2].hex() if wbits > 0 else len(g), d.decompress(g) == data[:5000], d.eof)
try:
    zlib.decompressobj().decompress(b"not zlib data")
except zlib.error as e:
    print("error", e)
c = zlib.compressobj()
c.compress(b"x")
c.flush()
try:
    c.compress(b"y")
except zlib.error as e:
    print("error after finish")
