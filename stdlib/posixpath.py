"""POSIX pathname functions (Python's posixpath): the functions of os.path, which on this
runtime are the POSIX ones, plus the few os.path does not define (splitdrive, which never finds
a drive on POSIX) and the module constants."""
import os as _os

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"

for _name in dir(_os.path):
    if not _name.startswith("__"):
        globals()[_name] = getattr(_os.path, _name)
del _name


def splitdrive(p):
    return p[:0], p


if "commonpath" not in globals():
    def commonpath(paths):
        if not paths:
            raise ValueError("commonpath() arg is an empty sequence")
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
