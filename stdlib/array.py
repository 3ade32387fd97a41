"""Typed arrays of numbers (Python's array module): array(typecode, initializer).

Items are checked against the typecode's range on every store (OverflowError / TypeError as in
CPython); tobytes/frombytes use the machine's little-endian layout with CPython's item sizes.
"""

from _ml_text import text as _t
import _array

__all__ = ["array", "typecodes", "ArrayType"]

typecodes = "bBuhHiIlLqQfd"

_int_ranges = {
    "b": (1, True), "B": (1, False), "h": (2, True), "H": (2, False), "i": (4, True),
    "I": (4, False), "l": (8, True), "L": (8, False), "q": (8, True), "Q": (8, False),
}
_names = {
    "b": "signed char", "B": "unsigned byte integer", "h": "signed short integer", "H": "unsigned short",
    "i": "signed integer", "I": "unsigned int", "l": "signed long", "L": "unsigned long",
    "q": "signed long long", "Q": "unsigned long long",
}
_sizes = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8,
          "f": 4, "d": 8}


try:
    _bytes_types = (bytes, bytearray)
except NameError:
    _bytes_types = (bytes,)


def _checker(typecode):
    if typecode in _int_ranges:
        size, signed = _int_ranges[typecode]
        bits = size * 8
        lo = -(1 << (bits - 1)) if signed else 0
        hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1
        name = _names[typecode]

        def check(v):
            if not isinstance(v, int):
                raise TypeError(_t("runtime.not_integer", "'{type}' object cannot be interpreted as an integer", type=type(v).__name__))
            if v < lo or v > hi:
                if v < 0 and typecode in "ILQ":
                    # CPython converts these through C's unsigned conversions, worded so
                    raise OverflowError("can't convert negative int to unsigned" if typecode == "Q"
                                        else "can't convert negative value to unsigned int")
                raise OverflowError(_t("array.above_max", "{name} is greater than maximum", name=name) if v > hi else _t("array.below_min", "{name} is less than minimum", name=name))
            return v
        return check
    if typecode in "fd":
        single = typecode == "f"

        def check(v):
            if not isinstance(v, (int, float)):
                raise TypeError(_t("array.real_number", "must be real number, not {type}", type=type(v).__name__))
            if single:
                # A C float holds the value rounded to single precision.
                import struct
                return struct.unpack("f", struct.pack("f", v))[0]
            return float(v)
        return check
    if typecode == "u":
        def check(v):
            if not isinstance(v, str) or len(v) != 1:
                raise TypeError(_t("array.unicode_item", "array item must be unicode character, not {type}", type=type(v).__name__))
            return v
        return check
    raise ValueError(_t("array.bad_typecode", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"))


def _index(i):
    if isinstance(i, int):
        return i
    if hasattr(type(i), "__index__"):
        return i.__index__()
    raise TypeError(_t("array.indices", "array indices must be integers"))


class array:
    __slots__ = ("typecode", "_v", "_check")

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(_t("array.typecode_arg", "array() argument 1 must be a unicode character, not {type}", type=type(typecode).__name__))
        self._check = _checker(typecode)
        self.typecode = typecode
        self._v = []
        if initializer is None:
            return
        if isinstance(initializer, _bytes_types):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(_t("array.str_initializer", "cannot use a str to initialize an array with typecode '{typecode}'", typecode=typecode))
            self._v = list(initializer)
        else:
            self.extend(initializer)

    @property
    def itemsize(self):
        return _sizes[self.typecode]

    def _same(self, other):
        return isinstance(other, array) and other.typecode == self.typecode

    def _new(self, items):
        a = array(self.typecode)
        a._v = items
        return a

    def append(self, v):
        self._v.append(self._check(v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError(_t("array.extend_kind", "can only extend with array of same kind"))
            self._v.extend(iterable._v)
            return
        check = self._check
        self._v.extend([check(v) for v in iterable])

    def insert(self, i, v):
        self._v.insert(i, self._check(v))

    def pop(self, i=-1):
        if not self._v:
            raise IndexError(_t("array.pop_empty", "pop from empty array"))
        return self._v.pop(i)

    def remove(self, v):
        try:
            self._v.remove(v)
        except ValueError:
            raise ValueError(_t("array.remove_missing", "array.remove(x): x not in array")) from None

    def index(self, v, start=0, stop=None):
        try:
            return self._v.index(v, start, len(self._v) if stop is None else stop)
        except ValueError:
            raise ValueError(_t("array.index_missing", "array.index(x): x not in array")) from None

    def count(self, v):
        return self._v.count(v)

    def reverse(self):
        self._v.reverse()

    def tolist(self):
        return list(self._v)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self.extend(items)

    def tounicode(self):
        if self.typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._v)

    def fromunicode(self, s):
        if self.typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._v.extend(s)

    def buffer_info(self):
        return (id(self), len(self._v))

    def tobytes(self):
        tc = self.typecode
        if tc in _int_ranges:
            size, signed = _int_ranges[tc]
            if size == 1:
                return bytes([v & 0xFF for v in self._v])
            out = []
            for v in self._v:
                for k in range(size):
                    out.append((v >> (8 * k)) & 0xFF)
            return bytes(out)
        import struct
        if tc == "u":
            return struct.pack("<%dI" % len(self._v), *[ord(c) for c in self._v])
        return struct.pack("<%d%s" % (len(self._v), tc), *self._v)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError(_t("array.bytes_multiple", "bytes length not a multiple of item size"))
        tc = self.typecode
        n = len(data) // size
        if tc in _int_ranges:
            signed = _int_ranges[tc][1]
            top = 1 << (8 * size - 1)
            for i in range(n):
                v = 0
                for k in range(size):
                    v |= data[i * size + k] << (8 * k)
                if signed and v & top:
                    v -= top << 1
                self._v.append(v)
            return
        import struct
        if tc == "u":
            self._v.extend(chr(c) for c in struct.unpack("<%dI" % n, data))
        else:
            self._v.extend(struct.unpack("<%d%s" % (n, tc), data))

    def byteswap(self):
        if self.typecode in "fdu":
            raise NotImplementedError("byteswap of this typecode")
        swapped = array(self.typecode)
        data = self.tobytes()
        size = self.itemsize
        swapped.frombytes(bytes([data[i - i % size + size - 1 - i % size] for i in range(len(data))]))
        self._v = swapped._v

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __reversed__(self):
        return reversed(self._v)

    def __contains__(self, v):
        return v in self._v

    # a[i] and a[i] = x with an int index are in C++ (_array); these take the rest.
    __getitem__ = _array.getitem
    __setitem__ = _array.setitem

    def _getitem(self, i):
        if isinstance(i, slice):
            return self._new(self._v[i])
        return self._v[_index(i)]

    def _setitem(self, i, v):
        if isinstance(i, slice):
            if not self._same(v):
                raise TypeError(f"can only assign array (not \"{type(v).__name__}\") to array slice")
            self._v[i] = v._v
        else:
            i = _index(i)
            if not -len(self._v) <= i < len(self._v):
                raise IndexError(_t("array.assignment_index", "array assignment index out of range"))
            self._v[i] = self._check(v)

    def __delitem__(self, i):
        del self._v[i]

    def __add__(self, other):
        if not self._same(other):
            if isinstance(other, array):
                raise TypeError("bad argument type for built-in operation")
            return NotImplemented
        return self._new(self._v + other._v)

    def __iadd__(self, other):
        if not self._same(other):
            raise TypeError(_t("array.extend_kind", "can only extend with array of same kind"))
        self._v += other._v
        return self

    def __mul__(self, n):
        return self._new(self._v * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._v *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v == other._v

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v != other._v

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v < other._v

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v <= other._v

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v > other._v

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v >= other._v

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._v))

    def __deepcopy__(self, memo):
        return self._new(list(self._v))

    def __reduce__(self):
        return (array, (self.typecode, list(self._v)))

    def __repr__(self):
        if not self._v:
            return f"array('{self.typecode}')"
        if self.typecode == "u":
            return f"array('u', {''.join(self._v)!r})"
        return f"array('{self.typecode}', {self._v!r})"


ArrayType = array
