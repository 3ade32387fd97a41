"""High-level file operations (Python's shutil): rmtree, copyfile, copy, move, which."""
import os as _os

__all__ = ["rmtree", "copyfile", "copy", "copyfileobj", "move", "which"]


def rmtree(path, ignore_errors=False, onerror=None):
    """Removes a folder and everything in it."""
    def fail(func, p, exc):
        if ignore_errors:
            return
        if onerror is not None:
            onerror(func, p, (type(exc), exc, None))
            return
        raise exc
    try:
        names = _os.listdir(path)
    except OSError as e:
        fail(_os.listdir, path, e)
        return
    for name in names:
        full = _os.path.join(path, name)
        if _os.path.isdir(full) and not _os.path.islink(full):
            rmtree(full, ignore_errors, onerror)
        else:
            try:
                _os.remove(full)
            except OSError as e:
                fail(_os.remove, full, e)
    try:
        _os.rmdir(path)
    except OSError as e:
        fail(_os.rmdir, path, e)


def copyfileobj(fsrc, fdst, length=0):
    while True:
        buf = fsrc.read(length or 65536) if length else fsrc.read()
        if not buf:
            break
        fdst.write(buf)
        if not length:
            break


def copyfile(src, dst):
    with open(src, "rb") as fsrc, open(dst, "wb") as fdst:
        fdst.write(fsrc.read())
    return dst


def copy(src, dst):
    if _os.path.isdir(dst):
        dst = _os.path.join(dst, _os.path.basename(src))
    return copyfile(src, dst)


def move(src, dst):
    if _os.path.isdir(dst):
        dst = _os.path.join(dst, _os.path.basename(src))
    _os.rename(src, dst)
    return dst


def which(cmd, mode=None, path=None):
    if _os.sep in cmd:
        return cmd if _os.path.isfile(cmd) else None
    for folder in (path or _os.getenv("PATH", "")).split(_os.pathsep):
        full = _os.path.join(folder, cmd)
        if _os.path.isfile(full):
            return full
    return None
