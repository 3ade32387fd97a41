"""Pathname patterns (Python's glob): glob, iglob, escape; `**` with recursive=True."""
import os as _os
import fnmatch as _fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    return any(c in s for c in "*?[")


def _listdir(d):
    try:
        return sorted(_os.listdir(d or "."))
    except OSError:
        return []


def _walk(d):
    for name in _listdir(d):
        if name.startswith("."):
            continue
        full = _os.path.join(d, name) if d else name
        yield full
        if _os.path.isdir(full):
            yield from _walk(full)


def iglob(pathname, *, root_dir=None, recursive=False):
    dirname, basename = _os.path.split(pathname)
    if not has_magic(pathname):
        if _os.path.exists(pathname):
            yield pathname
        return
    if has_magic(dirname):
        dirs = list(iglob(dirname, recursive=recursive))
    else:
        dirs = [dirname]
    for d in dirs:
        if recursive and basename == "**":
            if d:
                yield _os.path.join(d, "")
            yield from _walk(d)
            continue
        if not has_magic(basename):
            full = _os.path.join(d, basename) if d else basename
            if _os.path.exists(full):
                yield full
            continue
        for name in _listdir(d):
            if name.startswith(".") and not basename.startswith("."):
                continue
            if _fnmatch.fnmatchcase(name, basename):
                yield _os.path.join(d, name) if d else name


def glob(pathname, *, root_dir=None, recursive=False):
    return list(iglob(pathname, recursive=recursive))


def escape(pathname):
    return "".join("[" + c + "]" if c in "*?[" else c for c in pathname)
