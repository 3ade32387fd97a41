import posixpath
print(posixpath.join("/usr", "lib", "x.py"), posixpath.split("/a/b/c.txt"), posixpath.splitext("arch.tar.gz"))
print(posixpath.basename("/a/b/"), posixpath.dirname("/a/b/c"), posixpath.normpath("/a//b/../c/./d"))
print(posixpath.isabs("/x"), posixpath.isabs("x"), posixpath.splitdrive("/a/b"), posixpath.sep, posixpath.curdir)
print(posixpath.commonpath(["/usr/lib/a", "/usr/lib/b/c", "/usr/libx"]), posixpath.commonpath(["a/b", "a/c"]))
print(posixpath.relpath("/a/b/c", "/a"), posixpath.commonprefix(["interview", "internet"]))
print(posixpath.exists("/definitely/missing"), posixpath.pathsep, posixpath.devnull)
