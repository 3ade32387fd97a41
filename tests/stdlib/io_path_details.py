# Details of text decoding, files and paths: one U+FFFD per maximal ill-formed UTF-8 subpart,
# readline(size), open() and os.path with os.PathLike objects, splitdrive/normcase,
# time.struct_time from one sequence.
import os
import time

for raw in [b"\xe2\x82", b"\xe2\x82x", b"a\xed\xa0\x80b", b"\xe0\x80\x80", b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80",
            b"\xff\xfe", b"\xc3", b"\xc3\xa9\x80", b"\xf4\x90\x80\x80", b"\xe2\x82\xac\xe2"]:
    print(ascii(raw.decode("utf-8", "replace")), ascii(raw.decode("utf-8", "ignore")))


class Where(os.PathLike):
    def __init__(self, path):
        self.path = path

    def __fspath__(self):
        return self.path


class Duck:
    def __fspath__(self):
        return "io_path_details.tmp"


with open(Where("io_path_details.tmp"), "w") as f:
    f.write("first line\nsecond\nthird é line\n")
print(os.path.exists(Duck()), os.path.getsize(Where("io_path_details.tmp")), os.fspath(Duck()))
print(os.path.basename(Where("/a/b/c.txt")), os.path.splitext(Duck()), os.path.join(Where("/x"), "y"))

with open(Duck()) as f:
    print(repr(f.readline(5)), repr(f.readline(5)), repr(f.readline(100)), repr(f.readline(0)))
    print(repr(f.readline(-1)), repr(f.readline(8)), repr(f.readline(3)), repr(f.read(3)), repr(f.readline()))
    print(repr(f.readline(4)))
with open(Duck(), "rb") as f:
    print(f.readline(3), f.readline(), f.readline(16), f.read(2))
with open("io_path_details.tmp", encoding="utf-8") as f:
    f.readline()
    f.readline()
    print(repr(f.read(7)), repr(f.read(1)), repr(f.read()))
os.remove(Where("io_path_details.tmp"))
try:
    open(3.5)
except TypeError as exc:
    print("TypeError")

print(os.path.splitdrive("/usr/lib"), os.path.splitdrive(b"rel/x"), os.path.splitdrive(Where("/p")))
print(os.path.normcase("/Mixed/Case"), os.path.normcase(b"/B"), os.path.normcase(Duck()))
print(issubclass(Where, os.PathLike))

t = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(t)
print(t.tm_year, t.tm_yday, t[3], len(t), tuple(t)[:3], time.strftime("%Y-%m-%d %H:%M", t))
print(time.mktime(time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, -1))) == time.mktime((2024, 1, 1, 0, 0, 0, 0, 1, -1)))
try:
    time.struct_time((1, 2, 3))
except TypeError:
    print("TypeError for a short sequence")
