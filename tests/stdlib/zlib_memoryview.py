import zlib, array

data = b"hello hello hello hello " * 20
c = zlib.compress(data)
print(len(c), c[:2], zlib.decompress(c) == data, zlib.compress(data, 9) == zlib.compress(data, level=9))
print(zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")), zlib.crc32(b"hello world"))
print(zlib.adler32(b"hello"), zlib.adler32(b""), zlib.crc32(b""), zlib.crc32(bytearray(b"abc")))
raw = zlib.compress(data, 6, -15)
print(zlib.decompress(raw, -15) == data)
gz = zlib.compress(data, 6, 31)
print(gz[:3], zlib.decompress(gz, 31) == data, zlib.decompress(gz, 47) == data)
for bad in (b"garbage!", c[:-5]):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("zlib.error:", e)
co = zlib.compressobj()
stream = co.compress(data[:100]) + co.compress(data[100:]) + co.flush()
print(zlib.decompress(stream) == data)
do = zlib.decompressobj()
out = b"".join(do.decompress(stream[i:i + 7]) for i in range(0, len(stream), 7)) + do.flush()
print(out == data, do.eof, do.unused_data)
do2 = zlib.decompressobj()
print(do2.decompress(c + b"TRAILER") == data, do2.eof, do2.unused_data)
print(zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION, zlib.DEFLATED, isinstance(zlib.ZLIB_VERSION, str))
print(zlib.decompress(zlib.compress(memoryview(b"view data"))))

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:4].tobytes(), bytes(m[::2]), m.tolist()[:3], m.readonly, m.format, m.itemsize, m.nbytes)
print(m == b"abcdef", m[2:] == b"cdef", m.hex(), m.obj == b"abcdef", m.ndim, m.shape, m.strides)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J")
mv[1:3] = b"EL"
print(ba, mv.readonly, bytes(mv))
sub = mv[2:]
sub[0] = 0x21
print(ba, len(sub), sub.tobytes())
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    mv[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    m[10]
except IndexError as e:
    print("IndexError:", e)
a = array.array("i", [1, 2, 3, -4])
am = memoryview(a)
print(am.format, am.itemsize, len(am), am[3], am.tolist(), am.nbytes)
am[0] = 10
print(a)
cb = am.cast("B")
print(len(cb), cb[:4].tolist(), cb.format)
ints = memoryview(bytes(range(8))).cast("I")
print(ints.tolist(), len(ints), ints.format)
with memoryview(b"xyz") as w:
    print(w[1], w.tobytes())
try:
    w[0]
except ValueError as e:
    print("ValueError:", e)
print(hash(memoryview(b"ab")) == hash(b"ab"), list(memoryview(b"hi")))
try:
    memoryview("text")
except TypeError as e:
    print("TypeError:", e)
print(type(m).__name__, memoryview(m).tobytes(), isinstance(m, memoryview))
