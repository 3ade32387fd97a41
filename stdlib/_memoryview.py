"""The builtin memoryview type, written in the language: a one-dimensional view of the memory
of a bytes, bytearray or array.array object (or of another view).

A view shares its object's memory: slices are views of the same object, and stores through a
view of a bytearray or an array change that object. Items are read in the view's format ('B'
for bytes-like objects, the typecode of an array, or what cast() chose) with struct's native
sizes, as CPython's memoryview does.
"""
import struct as _struct

_FORMATS = "bBhHiIlLqQnNfd?ce"


def _array_type():
    import array
    return array.array


def _check_released(view):
    if view._released:
        raise ValueError("operation forbidden on released memoryview object")


class memoryview:
    __slots__ = ("obj", "_off", "_len", "_fmt", "_size", "_step", "_readonly", "_released", "_exports")
    __module__ = "builtins"

    def __init__(self, obj):
        if isinstance(obj, memoryview):
            _check_released(obj)
            self.obj = obj.obj
            self._off, self._len, self._fmt, self._size, self._step = obj._off, obj._len, obj._fmt, obj._size, obj._step
            self._readonly = obj._readonly
        elif isinstance(obj, (bytes, bytearray)):
            self.obj = obj
            self._off, self._len, self._fmt, self._size, self._step = 0, len(obj), "B", 1, 1
            self._readonly = isinstance(obj, bytes)
        elif isinstance(obj, _array_type()):
            self.obj = obj
            size = obj.itemsize
            self._off, self._len, self._fmt, self._size, self._step = 0, len(obj), obj.typecode, size, 1
            self._readonly = False
        else:
            raise TypeError(f"memoryview: a bytes-like object is required, not '{type(obj).__name__}'")
        self._released = False
        self._exports = 0

    # -- the underlying memory, as bytes (for formats the object does not store natively)
    def _native(self):
        """Whether item i of the view is item _off + i * _step of the object itself."""
        obj = self.obj
        if isinstance(obj, (bytes, bytearray)):
            return self._fmt in ("B", "c") and self._size == 1
        return self._fmt == obj.typecode

    def _raw(self):
        obj = self.obj
        return obj if isinstance(obj, (bytes, bytearray)) else obj.tobytes()

    def _index(self, i):
        if not isinstance(i, int):
            if hasattr(type(i), "__index__"):
                i = i.__index__()
            else:
                raise TypeError("memoryview: invalid slice key")
        n = self._len
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("index out of bounds on dimension 1")
        return i

    def _get(self, i):
        pos = self._off + i * self._step
        if self._native():
            v = self.obj[pos] if isinstance(self.obj, (bytes, bytearray)) else self.obj._v[pos]
            return bytes([v]) if self._fmt == "c" else v
        start = pos * self._size
        return _struct.unpack_from(self._fmt, self._raw(), start)[0]

    def _put(self, i, v):
        pos = self._off + i * self._step
        obj = self.obj
        if self._native():
            if self._fmt == "c":
                if not isinstance(v, bytes) or len(v) != 1:
                    raise TypeError(f"memoryview: invalid type for format '{self._fmt}'")
                v = v[0]
            elif not isinstance(v, (int, float)) or (self._fmt in "bBhHiIlLqQ" and not isinstance(v, int)):
                raise TypeError(f"memoryview: invalid type for format '{self._fmt}'")
            if isinstance(obj, bytearray):
                if not 0 <= v <= 255:
                    raise ValueError(f"memoryview: invalid value for format '{self._fmt}'")
                obj[pos] = v
            else:
                obj[pos] = v
            return
        try:
            data = _struct.pack(self._fmt, v)
        except _struct.error:
            raise ValueError(f"memoryview: invalid value for format '{self._fmt}'") from None
        start = pos * self._size
        self._write_bytes(start, data)

    def _write_bytes(self, start, data):
        obj = self.obj
        if isinstance(obj, bytearray):
            obj[start:start + len(data)] = data
            return
        raw = bytearray(obj.tobytes())
        raw[start:start + len(data)] = data
        fresh = _array_type()(obj.typecode)
        fresh.frombytes(bytes(raw))
        obj._v[:] = fresh._v

    # -- the sequence protocol
    def __len__(self):
        _check_released(self)
        return self._len

    def __getitem__(self, key):
        _check_released(self)
        if isinstance(key, slice):
            start, stop, step = key.indices(self._len)
            view = memoryview(self)
            view._off = self._off + start * self._step
            view._len = len(range(start, stop, step))
            view._step = self._step * step
            return view
        if isinstance(key, tuple):
            raise TypeError("memoryview: invalid slice key")
        return self._get(self._index(key))

    def __setitem__(self, key, value):
        _check_released(self)
        if self._readonly:
            raise TypeError("cannot modify read-only memory")
        if isinstance(key, slice):
            start, stop, step = key.indices(self._len)
            idx = range(start, stop, step)
            src = memoryview(value)
            if src._fmt != self._fmt and not (src._fmt in "Bc" and self._fmt in "Bc"):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            if len(src) != len(idx):
                raise ValueError("memoryview assignment: lvalue and rvalue have different structures")
            items = src.tolist()
            for i, v in zip(idx, items):
                self._put(i, v)
            return
        self._put(self._index(key), value)

    def __delitem__(self, key):
        _check_released(self)
        if self._readonly:
            raise TypeError("cannot modify read-only memory")
        raise TypeError("cannot delete memory")

    def __iter__(self):
        _check_released(self)
        for i in range(self._len):
            yield self._get(i)

    # -- conversions
    def tobytes(self, order="C"):
        _check_released(self)
        if self._native() and isinstance(self.obj, (bytes, bytearray)):
            end = self._off + self._len * self._step
            if self._step == 1:
                return bytes(self.obj[self._off:end])
            return bytes(self.obj[self._off:end:self._step]) if self._len else b""
        raw = self._raw()
        if self._step == 1:
            start = self._off * self._size
            return bytes(raw[start:start + self._len * self._size])
        out = bytearray()
        for i in range(self._len):
            p = (self._off + i * self._step) * self._size
            out += raw[p:p + self._size]
        return bytes(out)

    def __bytes__(self):
        return self.tobytes()

    def tolist(self):
        _check_released(self)
        return [self._get(i) for i in range(self._len)]

    def hex(self, sep=None, bytes_per_sep=1):
        _check_released(self)
        data = self.tobytes()
        return data.hex() if sep is None else data.hex(sep, bytes_per_sep)

    def cast(self, format, shape=None):
        _check_released(self)
        if not isinstance(format, str):
            raise TypeError(f"memoryview: format argument must be a string")
        fmt = format[1:] if format[:1] == "@" else format
        if len(fmt) != 1 or fmt not in _FORMATS:
            raise ValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'")
        if self._step != 1:
            raise TypeError("memoryview: casts are restricted to C-contiguous views")
        if self._fmt not in "Bbc" and fmt not in "Bbc":
            raise TypeError("memoryview: cannot cast between two non-byte formats")
        size = _struct.calcsize(fmt)
        nbytes = self._len * self._size
        if nbytes % size:
            raise TypeError("memoryview: length is not a multiple of itemsize")
        if shape is not None and (len(shape) != 1 or shape[0] * size != nbytes):
            raise TypeError("memoryview: product(shape) * itemsize != buffer size")
        start = self._off * self._size
        if start % size:
            raise TypeError("memoryview: cast must start at a multiple of the new itemsize")
        view = memoryview(self)
        view._fmt, view._size, view._off, view._len = fmt, size, start // size, nbytes // size
        return view

    def toreadonly(self):
        _check_released(self)
        view = memoryview(self)
        view._readonly = True
        return view

    def release(self):
        self._released = True

    def __enter__(self):
        _check_released(self)
        return self

    def __exit__(self, *exc):
        self.release()
        return False

    # -- the view's description
    @property
    def readonly(self):
        _check_released(self)
        return self._readonly

    @property
    def format(self):
        _check_released(self)
        return self._fmt

    @property
    def itemsize(self):
        _check_released(self)
        return self._size

    @property
    def nbytes(self):
        _check_released(self)
        return self._len * self._size

    @property
    def ndim(self):
        _check_released(self)
        return 1

    @property
    def shape(self):
        _check_released(self)
        return (self._len,)

    @property
    def strides(self):
        _check_released(self)
        return (self._size * self._step,)

    @property
    def suboffsets(self):
        return ()

    @property
    def contiguous(self):
        return self._step == 1

    c_contiguous = contiguous
    f_contiguous = contiguous

    @property
    def released(self):
        return self._released

    # -- comparison and hashing: by value, like the bytes they show
    def __eq__(self, other):
        if self is other:
            return True
        if self._released:
            return False
        if isinstance(other, memoryview):
            if other._released:
                return False
            return self.tolist() == other.tolist() if self._fmt != other._fmt else self.tolist() == other.tolist()
        if isinstance(other, (bytes, bytearray)) or isinstance(other, _array_type()):
            return self.tolist() == memoryview(other).tolist()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        _check_released(self)
        if not self._readonly:
            raise ValueError("cannot hash writable memoryview object")
        if self._fmt not in "Bbc":
            raise ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        return hash(self.tobytes())

    def __repr__(self):
        state = "released memory" if self._released else "memory"
        return f"<{state} at 0x{id(self):012x}>"

    def __reduce__(self):
        raise TypeError("cannot pickle 'memoryview' object")
