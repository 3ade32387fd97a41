import io
import os
import tempfile
import zipfile

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as zf:
    zf.writestr(zipfile.ZipInfo("hello.txt", (2024, 5, 17, 12, 30, 44)), "hello, zip\n")
    info = zipfile.ZipInfo("data/deflated.bin", (2020, 1, 2, 3, 4, 6))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, b"abcabcabc" * 100)
    zf.writestr(zipfile.ZipInfo("empty/", (2021, 2, 3, 4, 5, 6)), b"")
blob = buf.getvalue()
print(len(blob), blob[:30].hex())
print(blob[-22:].hex())
print(zipfile.is_zipfile(io.BytesIO(blob)), zipfile.is_zipfile(io.BytesIO(b"not a zip")))
with zipfile.ZipFile(io.BytesIO(blob)) as zf:
    print(zf.namelist())
    for i in zf.infolist():
        print(i.filename, i.date_time, i.compress_type, i.file_size, i.compress_size, hex(i.CRC), i.is_dir())
    print(zf.read("hello.txt"), len(zf.read("data/deflated.bin")), zf.testzip())
    with zf.open("hello.txt") as f:
        print(f.read())
    print(zf.getinfo("hello.txt").filename)
    try:
        zf.getinfo("missing")
    except KeyError as e:
        print("KeyError", e)
d = tempfile.mkdtemp()
src = os.path.join(d, "src.txt")
with open(src, "w") as f:
    f.write("file on disk\n" * 3)
arc = os.path.join(d, "arc.zip")
with zipfile.ZipFile(arc, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    zf.write(src, arcname="inside/src.txt")
    zf.writestr("note.txt", "a note")
with zipfile.ZipFile(arc, "a") as zf:
    zf.writestr("added.txt", "appended")
with zipfile.ZipFile(arc) as zf:
    print(zf.namelist(), zf.read("inside/src.txt"), zf.read("added.txt"))
    print(zf.getinfo("inside/src.txt").compress_type, zf.getinfo("note.txt").external_attr >> 16 == 0o600)
    out = os.path.join(d, "out")
    zf.extractall(out)
with open(os.path.join(d, "out", "inside", "src.txt")) as f:
    print(repr(f.read()))
print(sorted(os.listdir(os.path.join(d, "out"))))
for bad in (io.BytesIO(b"garbage" * 10),):
    try:
        zipfile.ZipFile(bad)
    except zipfile.BadZipFile as e:
        print("BadZipFile", e)
zf = zipfile.ZipFile(io.BytesIO(blob))
zf.close()
try:
    zf.read("hello.txt")
except ValueError as e:
    print("ValueError", e)
import shutil
shutil.rmtree(d)
