import os, os.path
from os.path import join, splitext
for p in ["a/b/c.txt", "/x/y/", "c", "", "/", "a/../b/./c", "//a//b", ".bashrc", "a.b/c", "x.tar.gz", "../../a"]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), splitext(p), os.path.normpath(p), os.path.isabs(p))
print(join("a", "b", "/c", "d"), join("a/", "b"), os.sep, os.name, os.path.exists("osp.py"), os.path.isdir("."), os.path.isfile("."))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.commonprefix(["abc", "abd"]), "PATH" in os.environ)
os.makedirs("tmp_osp/x", exist_ok=True)
print(sorted(os.listdir("tmp_osp")))
os.rmdir("tmp_osp/x"); os.rmdir("tmp_osp")
try:
    os.remove("no_such_file_here")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
