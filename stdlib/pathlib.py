"""Object-oriented paths (Python's pathlib) for POSIX: PurePath/PurePosixPath for the path
arithmetic, Path/PosixPath for the file system (through os, os.path and fnmatch)."""
from _ml_text import text as _t
import os as _os
import fnmatch as _fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _norm(parts):
    """Joins parts as pathlib does: '.' and empty components drop, '..' stays."""
    root = ""
    comps = []
    for p in parts:
        p = _os.fspath(p)
        if not isinstance(p, str):
            raise TypeError(_t("pathlib.path_arg", "argument should be a str or an os.PathLike object, not {type}", type=repr(type(p).__name__)))
        if p.startswith("/"):
            root = "//" if p.startswith("//") and not p.startswith("///") else "/"
            comps = []
        for c in p.split("/"):
            if c and c != ".":
                comps.append(c)
    return root, comps


class PurePath:
    __slots__ = ("_root", "_parts", "_str")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _norm(args)
        self._str = None
        return self

    def __init__(self, *args):
        pass

    @classmethod
    def _make(cls, root, parts):
        self = object.__new__(cls)
        self._root, self._parts, self._str = root, parts, None
        return self

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._parts)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parts(self):
        return ((self._root,) if self._root else ()) + tuple(self._parts)

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def drive(self):
        return ""

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name, suffix = self.name, self.suffix
        return name[:-len(suffix)] if suffix else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def is_absolute(self):
        return bool(self._root)

    def is_relative_to(self, other):
        try:
            self.relative_to(other)
            return True
        except ValueError:
            return False

    def joinpath(self, *others):
        return type(self)(self, *others)

    def with_name(self, name):
        if not self.name:
            raise ValueError(_t("pathlib.empty_name", "{path} has an empty name", path=repr(self)))
        if not name or "/" in name or name == ".":
            raise ValueError(_t("pathlib.invalid_name", "Invalid name {name}", name=repr(name)))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith(".") or suffix == "." or "/" in suffix):
            raise ValueError(_t("pathlib.invalid_suffix", "Invalid suffix {suffix}", suffix=repr(suffix)))
        if not self.name:
            raise ValueError(_t("pathlib.empty_name", "{path} has an empty name", path=repr(self)))
        return self.with_name(self.stem + suffix)

    def relative_to(self, other, *more):
        other = type(self)(other, *more)
        n = len(other.parts)
        if self.parts[:n] != other.parts or (other._root and not self._root):
            raise ValueError(_t("pathlib.not_subpath", "{path} is not in the subpath of {other}", path=repr(str(self)), other=repr(str(other))))
        return self._make("", list(self.parts[n:]) if not other._root else list(self.parts[n:]))

    def match(self, pattern):
        pat = PurePosixPath(pattern)
        if pat._root:
            if len(pat.parts) != len(self.parts):
                return False
        elif len(pat._parts) > len(self._parts):
            return False
        for part, p in zip(reversed(self._parts), reversed(pat._parts)):
            if not _fnmatch.fnmatchcase(part, p):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class _Stat:
    def __init__(self, path):
        self.st_size = _os.path.getsize(path)
        self.st_mode = 0o040755 if _os.path.isdir(path) else 0o100644


class Path(PurePath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return PurePath.__new__(cls, *args)

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    @classmethod
    def home(cls):
        return cls(_os.path.expanduser("~"))

    def absolute(self):
        return self if self._root else type(self)(_os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(_os.path.realpath(str(self)))

    def expanduser(self):
        return type(self)(_os.path.expanduser(str(self)))

    def exists(self):
        return _os.path.exists(str(self))

    def is_dir(self):
        return _os.path.isdir(str(self))

    def is_file(self):
        return _os.path.isfile(str(self))

    def is_symlink(self):
        return _os.path.islink(str(self))

    def stat(self):
        if not self.exists():
            raise FileNotFoundError(2, _t("errno.ENOENT", "No such file or directory"), str(self))
        return _Stat(str(self))

    def iterdir(self):
        for name in _os.listdir(str(self)):
            yield self._make(self._root, self._parts + [name])

    def glob(self, pattern):
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._glob(pat._parts)

    def rglob(self, pattern):
        yield from self.glob("**/" + pattern)

    def _glob(self, parts):
        if not parts:
            yield self
            return
        head, rest = parts[0], parts[1:]
        if head == "**":
            seen = set()
            for d in self._walk_dirs():
                for p in d._glob(rest):
                    if p not in seen:
                        seen.add(p)
                        yield p
            return
        if not any(c in head for c in "*?["):
            child = self / head
            if child.exists():
                yield from child._glob(rest)
            return
        try:
            names = _os.listdir(str(self))
        except OSError:
            return
        for name in names:
            if _fnmatch.fnmatchcase(name, head):
                child = self._make(self._root, self._parts + [name])
                if rest and not child.is_dir():
                    continue
                yield from child._glob(rest)

    def _walk_dirs(self):
        yield self
        try:
            names = _os.listdir(str(self))
        except OSError:
            return
        for name in names:
            child = self._make(self._root, self._parts + [name])
            if child.is_dir() and not child.is_symlink():
                yield from child._walk_dirs()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents:
            if self.exists() and not exist_ok:
                raise FileExistsError(17, _t("errno.EEXIST", "File exists"), str(self))
            _os.makedirs(str(self), exist_ok=True)
            return
        try:
            _os.mkdir(str(self))
        except FileExistsError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        _os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            _os.remove(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, _t("errno.EEXIST", "File exists"), str(self))
            return
        with open(str(self), "a"):
            pass

    def rename(self, target):
        _os.rename(str(self), str(target))
        return type(self)(target)

    def replace(self, target):
        return self.rename(target)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode)

    def read_text(self, encoding=None, errors=None):
        with open(str(self)) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(_t("pathlib.data_str", "data must be str, not {type}", type=type(data).__name__))
        with open(str(self), "w") as f:
            return f.write(data)

    def read_bytes(self):
        with open(str(self), "rb") as f:
            return f.read()

    def write_bytes(self, data):
        with open(str(self), "wb") as f:
            return f.write(bytes(data))

    def samefile(self, other):
        return _os.path.realpath(str(self)) == _os.path.realpath(str(other))


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
