import lzma
d = b"hello world " * 100
c = lzma.compress(d)
print(len(c), c[:12], c[-12:], lzma.decompress(c) == d)
print(lzma.compress(b""))
a = lzma.compress(d, format=lzma.FORMAT_ALONE)
print(len(a), a[:13], lzma.decompress(a) == d)
r = lzma.compress(d, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}])
print(len(r), lzma.decompress(r, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}]) == d)
for chk in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_SHA256):
    x = lzma.compress(d, check=chk)
    dd = lzma.LZMADecompressor()
    print(dd.check, len(x), dd.decompress(x) == d, dd.check, dd.eof)
dd = lzma.LZMADecompressor()
print(dd.decompress(c[:30]), dd.needs_input, dd.check)
print(len(dd.decompress(c[30:] + b"junk")), dd.eof, dd.unused_data, dd.needs_input)
dd = lzma.LZMADecompressor()
print(dd.decompress(c, 100)[:5], dd.needs_input)
print(len(dd.decompress(b"", 2000)), dd.needs_input, dd.eof)
print(len(lzma.decompress(c + c + b"trailing")))
print(lzma.compress(d, preset=9 | lzma.PRESET_EXTREME)[:20])
x = lzma.LZMACompressor()
print(x.compress(d) + x.flush() == c)
try: lzma.decompress(b"not xz at all")
except lzma.LZMAError as e: print("LZMAError", e)
try: lzma.decompress(c[:40])
except lzma.LZMAError as e: print("LZMAError", e)
try: lzma.decompress(c[:30] + b"x" * 50)
except lzma.LZMAError as e: print("LZMAError", e)
print(lzma.is_check_supported(lzma.CHECK_SHA256), lzma.is_check_supported(3))
import os, tempfile
data = b"".join(b"record %05d|%s\n" % (i, b"xyz" * (i % 7)) for i in range(2000))
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    blob = lzma.compress(data, format=fmt)
    print(fmt, len(blob), blob[-8:], lzma.decompress(blob, format=fmt) == data, lzma.decompress(blob) == data)
for preset in (0, 3, 6):
    print(preset, len(lzma.compress(data, preset=preset)))
delta = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6, "dict_size": 1 << 20}]
blob = lzma.compress(data, filters=delta)
print(len(blob), lzma.decompress(blob) == data)
comp = lzma.LZMACompressor(check=lzma.CHECK_CRC32)
whole = b"".join(comp.compress(data[i:i + 4096]) for i in range(0, len(data), 4096)) + comp.flush()
print(whole == lzma.compress(data, check=lzma.CHECK_CRC32))
dec = lzma.LZMADecompressor(lzma.FORMAT_XZ)
got = b"".join(dec.decompress(whole[i:i + 33]) for i in range(0, len(whole), 33))
print(got == data, dec.check, dec.eof)

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "data.xz")
with lzma.open(path, "wb", preset=2) as f:
    print(f.write(data))
print(open(path, "rb").read() == lzma.compress(data, preset=2))
with lzma.LZMAFile(path) as f:
    print(f.readline(), f.read(7), f.tell())
with lzma.open(path, "wt", encoding="utf-8", format=lzma.FORMAT_ALONE) as f:
    f.write("\u65e5\u672c\u8a9e\nline two\n")
with lzma.open(path, "rt", encoding="utf-8") as f:
    print(f.read())
with lzma.open(path, "ab") as f:
    f.write(b"second stream")
print(lzma.open(path).read()[-13:])

def show(what, fn):
    try:
        print(what, fn())
    except Exception as e:
        print(what, type(e).__name__ + ":", e)

show("str", lambda: lzma.compress("text"))
show("none", lambda: lzma.decompress(None))
show("format", lambda: lzma.LZMACompressor(format=7))
show("check alone", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
show("preset+filters", lambda: lzma.LZMACompressor(preset=1, filters=[{"id": lzma.FILTER_LZMA2}]))
show("raw no filters", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
show("raw memlimit", lambda: lzma.LZMADecompressor(lzma.FORMAT_RAW, memlimit=10))
show("filters xz dec", lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ, filters=[]))
show("bad preset", lambda: lzma.compress(b"x", preset=10))
show("no id", lambda: lzma.compress(b"x", filters=[{"preset": 1}]))
show("bad id", lambda: lzma.compress(b"x", filters=[{"id": 99}]))
show("bad option", lambda: lzma.compress(b"x", filters=[{"id": lzma.FILTER_LZMA2, "dist": 1}]))
show("xz as alone", lambda: lzma.decompress(c, format=lzma.FORMAT_ALONE))
show("memlimit", lambda: lzma.decompress(c, memlimit=1000))
ended = lzma.LZMADecompressor()
ended.decompress(c)
show("after eof", lambda: ended.decompress(b"x"))
show("bad mode", lambda: lzma.open(path, "r+"))
show("check on read", lambda: lzma.open(path, "rb", check=lzma.CHECK_CRC32))
with open(os.path.join(tmp, "cut.xz"), "wb") as f:
    f.write(c[:-10])
show("cut file", lambda: lzma.open(os.path.join(tmp, "cut.xz")).read())
for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
