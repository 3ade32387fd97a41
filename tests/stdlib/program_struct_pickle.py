import struct
import io

def dump(obj, out):
    if obj is None:
        out.write(b"N")
    elif isinstance(obj, bool):
        out.write(b"T" if obj else b"F")
    elif isinstance(obj, int):
        out.write(b"I" + struct.pack("<q", obj))
    elif isinstance(obj, float):
        out.write(b"D" + struct.pack("<d", obj))
    elif isinstance(obj, str):
        b = obj.encode("utf-8")
        out.write(b"S" + struct.pack("<I", len(b)) + b)
    elif isinstance(obj, (list, tuple)):
        out.write((b"L" if isinstance(obj, list) else b"U") + struct.pack("<I", len(obj)))
        for x in obj:
            dump(x, out)
    elif isinstance(obj, dict):
        out.write(b"M" + struct.pack("<I", len(obj)))
        for k, v in obj.items():
            dump(k, out)
            dump(v, out)
    else:
        raise TypeError(type(obj))

def load(inp):
    tag = inp.read(1)
    if tag == b"N": return None
    if tag == b"T": return True
    if tag == b"F": return False
    if tag == b"I": return struct.unpack("<q", inp.read(8))[0]
    if tag == b"D": return struct.unpack("<d", inp.read(8))[0]
    if tag == b"S":
        (n,) = struct.unpack("<I", inp.read(4))
        return inp.read(n).decode("utf-8")
    if tag in (b"L", b"U"):
        (n,) = struct.unpack("<I", inp.read(4))
        items = [load(inp) for _ in range(n)]
        return items if tag == b"L" else tuple(items)
    if tag == b"M":
        (n,) = struct.unpack("<I", inp.read(4))
        d = {}
        for _ in range(n):
            k = load(inp)
            d[k] = load(inp)
        return d
    raise ValueError(tag)

data = {"ints": list(range(-3, 30, 7)), "floats": [1.5, -2.25, 1e100], "nested": {"a": (1, "é", None), "b": [True, False]}, 42: "answer"}
buf = io.BytesIO()
for _ in range(3):
    dump(data, buf)
raw = buf.getvalue()
print(len(raw), raw[:40].hex(), raw[-10:])
inp = io.BytesIO(raw)
out = [load(inp) for _ in range(3)]
print(out[0] == data, out[2])
print(struct.calcsize("<qdI"), struct.unpack_from("<2H", raw, 1), struct.pack(">hHiIq", -1, 65535, -2, 7, 1 << 40).hex())
s = struct.Struct("<3sxB?")
print(s.size, s.pack(b"abc", 255, True), s.unpack(b"xyz\x00\x07\x00"))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")))
