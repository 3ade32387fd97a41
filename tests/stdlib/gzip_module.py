import gzip
import io
import os
import tempfile

data = b"hello gzip " * 50 + bytes(range(256))
blob = gzip.compress(data, mtime=0)
print(blob[:10].hex(), len(blob), blob[-8:].hex())
print(gzip.compress(b"abc", compresslevel=1, mtime=12345).hex())
print(gzip.compress(b"", mtime=0).hex())
print(gzip.decompress(blob) == data, gzip.decompress(blob + gzip.compress(b"!", mtime=0))[-3:])
d = tempfile.mkdtemp()
path = os.path.join(d, "notes.txt.gz")
with gzip.open(path, "wb") as f:
    f.write(b"line one\n")
    f.write(b"line two\n")
with open(path, "rb") as f:
    raw = f.read()
print(raw[:4].hex(), raw[10:20], gzip.decompress(raw))
with gzip.open(path, "rb") as f:
    print(f.readline(), f.read())
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write("héllo\nwörld\n")
with gzip.open(path, "rt", encoding="utf-8") as f:
    print(f.readlines())
with gzip.open(path) as f:
    print(f.read())
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
    g.write(b"in memory")
print(buf.getvalue().hex())
print(gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())).read())
for bad in (b"not gzip at all", blob[:-4]):
    try:
        gzip.decompress(bad)
    except (OSError, EOFError) as e:
        print(type(e).__name__, e)
try:
    gzip.open(path, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
os.remove(path)
os.rmdir(d)
