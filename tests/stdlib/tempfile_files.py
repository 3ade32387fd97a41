# tempfile's files (mkstemp, NamedTemporaryFile, TemporaryFile, mktemp) and the file methods
# they rely on: seek, tell, truncate, os.fdopen, os.lseek.
import os, tempfile

fd, path = tempfile.mkstemp(suffix=".dat", prefix="probe_")
print(type(fd).__name__, os.path.isabs(path), os.path.basename(path).startswith("probe_"), path.endswith(".dat"))
print(oct(os.stat(path).st_mode & 0o777))
os.write(fd, b"hello world")
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5))
os.close(fd)
with os.fdopen(os.open(path, os.O_RDWR), "r+b") as f:
    print(f.read(), f.tell())
    print(f.seek(6), f.read(3))
    print(f.seek(-2, 2), f.read())
    f.seek(0)
    f.write(b"HELLO")
    print(f.truncate(8), f.tell())
with open(path, "rb") as f:
    print(f.read(), f.readable(), f.writable(), f.seekable(), f.mode)
os.unlink(path)

d = tempfile.mkdtemp()
with tempfile.NamedTemporaryFile(dir=d, suffix=".txt") as t:
    t.write(b"line one\nline two\n")
    t.flush()
    t.seek(0)
    print(t.readline(), os.path.exists(t.name), t.name.endswith(".txt"))
    with open(t.name, "rb") as again:
        print(again.read())
print(os.path.exists(t.name))
with tempfile.NamedTemporaryFile("w+", dir=d, delete=False) as t:
    t.write("kept")
kept = t.name
with open(kept) as f:
    print(f.read())
os.unlink(kept)
with tempfile.TemporaryFile(dir=d) as t:
    t.write(b"abc")
    t.seek(0)
    print(t.read(), os.listdir(d))
name = tempfile.mktemp(dir=d)
print(os.path.dirname(name) == d, os.path.exists(name))
os.rmdir(d)
with open(__file__, "rb") as f:
    for args in ((-1,),):
        try:
            f.seek(*args)
        except (OSError, ValueError) as e:
            print(type(e).__name__, e)
