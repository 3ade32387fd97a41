"""Regular expressions (Python's re). The engine is the C++ module _re (PCRE2 behind Python's
pattern syntax); this module adds the flags as RegexFlag values, which combine with | & ^ ~,
act as ints wherever an int is expected, and print as Python's do: re.IGNORECASE|re.MULTILINE.
"""
from _re import *
from _re import error, Pattern, Match

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I",
           "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
           "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

_NAMES = [("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8), ("DOTALL", 16),
          ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256)]
_MASK = 511
_members = {}


class _FlagType(type):
    def __repr__(cls):
        return "<flag %r>" % cls.__name__


class RegexFlag(metaclass=_FlagType):
    """A set of re flags: an int that knows the names of its bits."""
    __slots__ = ("_value_",)

    def __new__(cls, value=0):
        value = int(value)
        found = _members.get(value)
        if found is not None:
            return found
        flag = object.__new__(cls)
        flag._value_ = value
        _members[value] = flag
        return flag

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        if self._value_ == 0:
            return "NOFLAG"
        names = [n for n, bit in _NAMES if self._value_ & bit]
        return "|".join(names) if names and not self._value_ & ~_MASK else None

    def __repr__(self):
        v = self._value_
        if v == 0:
            return "re.NOFLAG"
        parts = ["re." + n for n, bit in _NAMES if v & bit]
        if v & ~_MASK:
            parts.append(hex(v & ~_MASK))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec)

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __bool__(self):
        return self._value_ != 0

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self._value_ == other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < int(other)

    def __or__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ & int(other))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ ^ int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_MASK & ~self._value_)

    def __add__(self, other):
        return self._value_ + other

    __radd__ = __add__

    def __iter__(self):
        for n, bit in _NAMES:
            if self._value_ & bit:
                yield RegexFlag(bit)

    def __len__(self):
        return bin(self._value_).count("1")

    def __contains__(self, other):
        return int(other) & self._value_ == int(other)

    def __reduce__(self):
        return RegexFlag, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)
