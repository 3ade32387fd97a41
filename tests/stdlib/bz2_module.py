import bz2, os, tempfile

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(300))
c = bz2.compress(data)
print(len(c), c[:10], c[-10:], bz2.decompress(c) == data)
for level in (1, 5, 9):
    print(level, len(bz2.compress(data, level)), bz2.compress(data, level)[-6:])
print(bz2.compress(b""), bz2.decompress(b""), bz2.decompress(bz2.compress(b"")))
print(bz2.compress(bytearray(b"abc")) == bz2.compress(b"abc"), bz2.compress(memoryview(b"abc")) == bz2.compress(b"abc"))
print(len(bz2.decompress(c + c)), len(bz2.decompress(c + b"trailing garbage")))

comp = bz2.BZ2Compressor(6)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
whole = b"".join(parts) + comp.flush()
print(whole == bz2.compress(data, 6), [len(p) for p in parts][:3])

dec = bz2.BZ2Decompressor()
out = b""
for i in range(0, len(c), 50):
    out += dec.decompress(c[i:i + 50])
print(out == data, dec.eof, dec.needs_input, dec.unused_data)
dec = bz2.BZ2Decompressor()
print(dec.decompress(c + b"after", 0), dec.needs_input)
first = dec.decompress(b"", 100)
print(len(first), first[:20], dec.needs_input, dec.eof)
rest = dec.decompress(b"")
print(len(first + rest) == len(data), dec.eof, dec.unused_data)

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.bz2")
with bz2.open(path, "wb") as f:
    print(f.write(data[:5000]), f.write(data[5000:]), f.writable(), f.readable())
print(os.path.getsize(path), open(path, "rb").read() == bz2.compress(data))
with bz2.BZ2File(path) as f:
    print(f.read(10), f.readline(), f.tell(), f.seekable())
    f.seek(0)
    print(len(f.read()), f.read())
with bz2.open(path, "rb") as f:
    print(sum(1 for _ in f))
with bz2.open(path, "ab") as f:
    f.write(b"appended\n")
print(bz2.open(path).read()[-18:])
with bz2.open(path, "wt", encoding="utf-8") as f:
    f.write("caf\u00e9\nna\u00efve\n")
    f.writelines(["one\n", "two\n"])
with bz2.open(path, "rt", encoding="utf-8") as f:
    print(f.readline(), f.readlines())
with bz2.open(path, "rt") as f:
    print([line for line in f])
with open(path, "rb") as raw:
    with bz2.BZ2File(raw) as f:
        print(f.read(5))

def show(what, fn):
    try:
        print(what, fn())
    except Exception as e:
        print(what, type(e).__name__ + ":", e)

show("str", lambda: bz2.compress("text"))
show("int", lambda: bz2.decompress(5))
show("level 0", lambda: bz2.compress(b"x", 0))
show("level 10", lambda: bz2.BZ2Compressor(10))
show("level str", lambda: bz2.BZ2Compressor("9"))
show("garbage", lambda: bz2.decompress(b"this is not bzip2 data at all"))
show("truncated", lambda: bz2.decompress(c[:len(c) // 2]))
show("corrupt", lambda: bz2.decompress(c[:40] + bytes(40) + c[80:]))
flushed = bz2.BZ2Compressor()
flushed.flush()
show("after flush", lambda: flushed.compress(b"x"))
show("flush twice", lambda: flushed.flush())
ended = bz2.BZ2Decompressor()
ended.decompress(c)
show("after eof", lambda: ended.decompress(b"x"))
show("bad mode", lambda: bz2.open(path, "rw"))
show("text in binary", lambda: bz2.open(path, "rb", encoding="utf-8"))
show("read on write", lambda: bz2.open(os.path.join(tmp, "w.bz2"), "wb").read())
show("missing", lambda: bz2.open("no_such_file.bz2"))
with open(os.path.join(tmp, "cut.bz2"), "wb") as f:
    f.write(c[:-20])
show("cut file", lambda: bz2.open(os.path.join(tmp, "cut.bz2")).read())
for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
