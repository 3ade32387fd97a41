import io, struct
s = io.StringIO()
s.write("hello ")
print("world", file=s)
s.writelines(["a\n", "b\n"])
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()))
s.seek(0)
print([line for line in s])
s = io.StringIO("line1\nline2\nlast")
print(s.readlines())
s.seek(2); s.write("XY"); print(s.getvalue())
s.truncate(4); print(repr(s.getvalue()))
with io.StringIO("été") as f:
    print(f.read(2), f.tell())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
b = io.BytesIO(b"abc\ndef")
print(b.readline(), b.read(), b.tell())
b.write(b"!!")
print(b.getvalue())
b.seek(10); b.write(b"z"); print(b.getvalue())
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
# struct
print(struct.calcsize("i"), struct.calcsize("<i"), struct.calcsize("@bi"), struct.calcsize("<bi"), struct.calcsize("qh"), struct.calcsize("hq"), struct.calcsize("3s2x"))
print(struct.pack("<hHiIqQ", -2, 65535, -1, 4000000000, -(2**63), 2**64 - 1))
print(struct.pack(">hHiI", 1, 2, 3, 4), struct.pack("!d", 1.5), struct.pack("<f", 0.1), struct.pack("<e", 1.5))
print(struct.unpack("<hHiIqQ", struct.pack("<hHiIqQ", -2, 65535, -1, 4000000000, -(2**63), 2**64 - 1)))
print(struct.unpack(">d", struct.pack(">d", 3.141592653589793)), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("5s", b"ab"), struct.pack("3s", b"abcdef"), struct.unpack("5s", b"ab\0\0\0"))
print(struct.pack("?c", True, b"x"), struct.unpack("?c", b"\x01x"))
print(struct.pack("@bi", 1, 2), struct.pack("=bi", 1, 2))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
print(struct.unpack_from("<H", b"xx\x05\x00", 2))
st = struct.Struct("<2i")
print(st.size, st.format, st.pack(7, 8), st.unpack(b"\x07\x00\x00\x00\x08\x00\x00\x00"))
print(struct.unpack("<e", struct.pack("<e", 0.333)), struct.pack("<e", 65504.0), struct.pack("<e", 1e-7))
print(struct.pack("10p", b"hello"), struct.unpack("10p", struct.pack("10p", b"hello")))
for bad in [lambda: struct.pack("b", 200), lambda: struct.pack("H", -1), lambda: struct.pack("i", 1, 2), lambda: struct.unpack("i", b"ab"), lambda: struct.pack("i", "x")]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)
# int <-> bytes
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print((2**70).to_bytes(10, "big"), int.from_bytes((2**70).to_bytes(10, "big"), "big") == 2**70)
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        bad()
    except OverflowError as e:
        print("OverflowError:", e)
# bytes methods
print(b"-".join([b"a", b"b"]), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")), b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".count(b"l"))
print(b"a b  c".split(), b"a,b,,c".split(b","), b"  x  ".strip(), b"xxaxx".strip(b"x"), b"aaa".replace(b"a", b"bb", 2))
print(b"Hello".upper(), b"Hello".lower(), b"123".isdigit(), bytes.fromhex("de ad be ef"), b"\xde\xad".hex())
print("été".encode(), "été".encode("latin-1"), b"\xe9t\xe9".decode("latin-1"), b"caf\xc3\xa9".decode("utf-8"), "abc".encode("ascii"))
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
for bad in [lambda: "é".encode("ascii"), lambda: b"\xff".decode()]:
    try:
        bad()
    except UnicodeError as e:
        print(type(e).__name__, e)
for f, v in [("<b", -129), ("<B", 256), ("<h", 40000), ("<H", -1), ("<i", 2**31), ("<I", -5), ("<q", 2**63), ("<Q", -1), ("h", -40000), ("B", -1), ("i", 2**40), ("I", 2**33), ("l", 2**64), ("Q", 2**64)]:
    try:
        struct.pack(f, v)
    except struct.error as e:
        print(f, "struct.error:", e)
print(struct.pack("<q", -2**63), struct.pack("<Q", 2**64-1), struct.pack("<b", -128), struct.pack("<h", 32767))
