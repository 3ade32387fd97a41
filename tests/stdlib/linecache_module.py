import linecache
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "sample.txt")
with open(p, "w") as f:
    f.write("first\nsecond\nthird")
print(repr(linecache.getline(p, 1)), repr(linecache.getline(p, 3)), repr(linecache.getline(p, 4)))
print(linecache.getlines(p), repr(linecache.getline(p, 0)))
print(linecache.getline("/no/such/file", 1) == "", linecache.getlines("<string>"))
with open(p, "w") as f:
    f.write("changed\n" * 10)
print(repr(linecache.getline(p, 1)))
linecache.checkcache(p)
linecache.clearcache()
print(repr(linecache.getline(p, 1)), len(linecache.getlines(p)))
os.remove(p)
os.rmdir(d)
