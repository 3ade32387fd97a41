# os.walk (top-down with pruning, bottom-up), os.stat / stat_result, os.scandir, stat module
import os
import stat
import tempfile

root = tempfile.mkdtemp()
for d in ("a/b", "c", "skip/x"):
    os.makedirs(os.path.join(root, d))
for f, text in (("a/f1.txt", "hi"), ("a/b/f2.txt", "hello"), ("top.txt", ""), ("skip/x/y", "y")):
    with open(os.path.join(root, f), "w") as fh:
        fh.write(text)


def rel(p):
    return os.path.relpath(p, root)


for top, dirs, files in os.walk(root):
    dirs.sort()
    if "skip" in dirs:
        dirs.remove("skip")
    print(rel(top), dirs, sorted(files))
print(sorted((rel(t), sorted(d), sorted(f)) for t, d, f in os.walk(root, topdown=False)))
st = os.stat(os.path.join(root, "a/f1.txt"))
print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8])
print(os.path.getsize(os.path.join(root, "a/b/f2.txt")), os.path.getmtime(os.path.join(root, "a/f1.txt")) == st.st_mtime)
print(stat.S_ISDIR(os.stat(root).st_mode), stat.S_ISREG(st.st_mode), stat.filemode(0o100644), stat.filemode(0o40755))
try:
    os.stat(os.path.join(root, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, rel(e.filename))
with os.scandir(root) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, rel(e.path), e.is_dir(), e.is_file())
print(list(os.walk(os.path.join(root, "nonexistent"))))
errors = []
print(list(os.walk(os.path.join(root, "nonexistent"), onerror=errors.append)), type(errors[0]).__name__)
import shutil
shutil.rmtree(root)
print(os.path.exists(root))
