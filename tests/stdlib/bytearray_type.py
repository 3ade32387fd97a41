b = bytearray()
print(b, len(b))
b = bytearray(5)
print(b)
b = bytearray(b"hello")
print(b, b[0], b[1:3])
b = bytearray([65, 66, 67])
print(b)
b = bytearray("héllo", "utf-8")
print(b)
b.append(33)
b.extend(b"xyz")
b.extend([1, 2])
print(b)
b[0] = 72
print(b)
b[1:3] = b"EE"
print(b)
del b[0]
print(b)
b.insert(0, 0x41)
print(b.pop(), b.pop(0), b)
b.remove(ord('l'))
print(b)
b.reverse()
print(b)
print(b.hex(), bytearray.fromhex("de ad be ef"))
print(bytearray(b"abc") + b"def", b"abc" + bytearray(b"x"))
print(bytearray(b"abc") == b"abc", bytes(bytearray(b"q")))
print(bytearray(b"hello world").decode(), bytearray(b"a,b,c").split(b","))
print(bytearray(b"abc").upper(), bytearray(b"  x ").strip())
print(repr(bytearray(b"\x00\xff'\"")))
c = bytearray(b"abc"); c *= 2; print(c)
c += b"!"; print(c)
print(bytearray(b"abcabc").find(b"c"), bytearray(b"abcabc").count(b"a"), b"b" in bytearray(b"abc"), 98 in bytearray(b"abc"))
print(list(bytearray(b"ab")), bytearray(range(3)))
print(isinstance(bytearray(), bytearray), type(bytearray()))
c = bytearray(b"0123456789"); c[::2] = b"abcde"; print(c)
del c[1:4]; print(c)
c.clear(); print(c)
print(bytearray(b"x").copy(), bytearray(b"a-b").replace(b"-", b"+"))
print(bytearray(b"abc")[::-1], bytearray(b"abc").startswith(b"ab"))
d = {}
try:
    d[bytearray(b"x")] = 1
except TypeError as e:
    print("TypeError", e)
try:
    bytearray(b"x")[0] = 256
except ValueError as e:
    print("ValueError", e)
print(bytearray(b"abc").join([b"1", b"2"]), bytearray(3) * 2, bytearray(b"hi").zfill(5))
import struct
buf = bytearray(8)
struct.pack_into("<i", buf, 0, 7) if hasattr(struct, "pack_into") else None
print(buf)
mv = memoryview(b"abc") if False else None
for x in [b"hello World", bytearray(b"hello World")]:
    print(x.capitalize(), x.swapcase(), x.title(), x.islower(), x.isupper(), x.istitle(), x.isascii())
    print(x.center(15, b"*"), x.ljust(14), x.rjust(14, b"."), x.zfill(13))
    print(x.partition(b"o"), x.rpartition(b"o"), x.partition(b"z"), x.rpartition(b"z"))
    print(x.removeprefix(b"he"), x.removesuffix(b"ld"), x.rindex(b"o"), x.rsplit(b"o", 1), x.rsplit(None, 1))
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\n".splitlines(True), b"a\tbc\td".expandtabs(4))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc-d".translate(t), b"aabbcc".translate(None, b"b"), bytearray(b"abc").translate(t))
print(b"-12".zfill(6), b"ab".center(5, b"*"), b"ab".center(6, b"-"))
print(bytearray(b"a b  c").split(), bytearray(b"x=1").partition(b"="))
try:
    bytearray(b"abc").remove(120)
except ValueError as e:
    print("ValueError", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError", e)
try:
    bytearray("abc")
except TypeError as e:
    print("TypeError", e)
try:
    bytearray(b"a") + "b"
except TypeError as e:
    print("TypeError", e)
x = bytearray(b"ab"); y = x; y += b"cd"; print(x, x is y)
print(sorted([bytearray(b"b"), b"a"]), bytearray(b"a") < b"b", bytes(bytearray(b"zz")) == b"zz")
print(bytearray(b"%d-%s") if False else "", len(bytearray(10)), bytearray(b"abc").index(b"c"))
