"""The builtin complex type, written in the language (imaginary literals like 2j make one).

Arithmetic follows CPython's C code (Objects/complexobject.c): Smith's division, integer powers
by repeated squaring for exponents up to 100, the polar formula otherwise, and the same repr
(parts written as repr(float) without a trailing ".0", the real part left out when it is +0).
"""
import math

_HASH_MODULUS = 1 << 64
_IMAG_HASH = 1000003


def _fmt(x):
    r = repr(x)
    if r.endswith(".0"):
        r = r[:-2]
    return r


def _part(x, what):
    """A real number argument of complex(), as a float."""
    if isinstance(x, float):
        return float(x)
    if isinstance(x, int):
        return float(x)
    f = getattr(type(x), "__float__", None)
    if f is not None:
        return float(x)
    i = getattr(type(x), "__index__", None)
    if i is not None:
        return float(x.__index__())
    raise TypeError("complex() %s must be a string or a number, not '%s'" % (what, type(x).__name__))


def _parse(s):
    text = s.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or "_" in text and ("__" in text or text.startswith("_") or text.endswith("_")):
        raise ValueError("complex() arg is a malformed string")
    text = text.replace("_", "")
    low = text.lower()

    def num(t):
        try:
            return float(t)
        except ValueError:
            raise ValueError("complex() arg is a malformed string") from None

    if not low.endswith("j"):
        return num(text), 0.0
    body = text[:-1]
    # split at the last sign that does not follow an exponent marker
    cut = -1
    for i in range(len(body) - 1, 0, -1):
        if body[i] in "+-" and body[i - 1] not in "eE":
            cut = i
            break
    if cut < 0:
        if body in ("", "+"):
            return 0.0, 1.0
        if body == "-":
            return 0.0, -1.0
        return 0.0, num(body)
    real, imag = body[:cut], body[cut:]
    if real.strip() != real or imag.strip() != imag:
        raise ValueError("complex() arg is a malformed string")
    if imag in ("+", "-"):
        imag += "1"
    return num(real), num(imag)


def _as_pair(x):
    """(real, imag) of an operand, or None when complex arithmetic does not take it."""
    if isinstance(x, complex):
        return x._r, x._i
    if isinstance(x, (int, float)):
        return float(x), 0.0
    return None


def _quot(a, b, c, d):
    abs_c = abs(c)
    abs_d = abs(d)
    if abs_c >= abs_d:
        if abs_c == 0.0:
            raise ZeroDivisionError("complex division by zero")
        ratio = d / c
        denom = c + d * ratio
        return (a + b * ratio) / denom, (b - a * ratio) / denom
    if abs_d >= abs_c:
        ratio = c / d
        denom = c * ratio + d
        return (a * ratio + b) / denom, (b * ratio - a) / denom
    nan = float("nan")
    return nan, nan


def _powu(a, b, n):
    rr, ri = 1.0, 0.0
    pr, pi = a, b
    mask = 1
    while mask > 0 and n >= mask:
        if n & mask:
            rr, ri = rr * pr - ri * pi, rr * pi + ri * pr
        mask <<= 1
        pr, pi = pr * pr - pi * pi, pr * pi + pi * pr
    return rr, ri


def _pow(a, b, c, d):
    if d == 0.0 and c == math.floor(c) and abs(c) <= 100.0:
        n = int(c)
        if n >= 0:
            return _powu(a, b, n)
        r, i = _powu(a, b, -n)
        return _quot(1.0, 0.0, r, i)
    if c == 0.0 and d == 0.0:
        return 1.0, 0.0
    if a == 0.0 and b == 0.0:
        if d != 0.0 or c < 0.0:
            raise ZeroDivisionError("0.0 to a negative or complex power")
        return 0.0, 0.0
    vabs = math.hypot(a, b)
    length = math.pow(vabs, c)
    at = math.atan2(b, a)
    phase = at * c
    if d != 0.0:
        length /= math.exp(at * d)
        phase += d * math.log(vabs)
    return length * math.cos(phase), length * math.sin(phase)


class complex:
    """Create a complex number from a real part and an optional imaginary part."""
    __slots__ = ("_r", "_i")
    __module__ = "builtins"

    def __new__(cls, real=0, imag=None):
        if isinstance(real, str):
            if imag is not None:
                raise TypeError("complex() can't take second arg if first is a string")
            r, i = _parse(real)
        else:
            if isinstance(imag, str):
                raise TypeError("complex() second arg can't be a string")
            if isinstance(real, complex):
                r, i = real._r, real._i
                if type(real) is complex and imag is None and cls is complex:
                    return real
            elif hasattr(type(real), "__complex__"):
                z = real.__complex__()
                if not isinstance(z, complex):
                    raise TypeError("__complex__ returned non-complex (type %s)" % type(z).__name__)
                r, i = z._r, z._i
            else:
                r, i = _part(real, "first argument"), 0.0
            if imag is not None:
                # as CPython: the imaginary part is imag's real part (plus real's imaginary part
                # when real is complex), so that complex(0.0, -0.0) keeps its signed zero
                if isinstance(imag, complex):
                    r -= imag._i
                    im = imag._r
                else:
                    im = _part(imag, "second argument")
                i = i + im if isinstance(real, complex) or hasattr(type(real), "__complex__") else im
        self = object.__new__(cls)
        object.__setattr__(self, "_r", r)
        object.__setattr__(self, "_i", i)
        return self

    @property
    def real(self):
        return self._r

    @property
    def imag(self):
        return self._i

    def __setattr__(self, name, value):
        raise AttributeError("'complex' object attribute '%s' is read-only" % name
                             if name in ("real", "imag") else
                             "'complex' object has no attribute '%s'" % name)

    def __getnewargs__(self):
        return (self._r, self._i)

    def __reduce__(self):
        return (complex, (self._r, self._i))

    def __repr__(self):
        r, i = self._r, self._i
        if r == 0.0 and math.copysign(1.0, r) == 1.0:
            return _fmt(i) + "j"
        im = _fmt(i)
        if not im.startswith("-"):
            im = "+" + im
        return "(" + _fmt(r) + im + "j)"

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return str(self)
        kind = spec[-1] if spec[-1] in "eEfFgGn%" else ""
        if not kind:
            return format(str(self), spec)
        head = spec[:-1]
        sign = ""
        if head[:1] in "+- ":
            sign, head = head[0], head[1:]
        prec = head if head.startswith(".") else ""
        re_s = format(self._r, sign + prec + kind)
        im_s = format(self._i, "+" + prec + kind)
        return re_s + im_s + "j"

    def __hash__(self):
        h = (hash(self._r) + _IMAG_HASH * hash(self._i)) % _HASH_MODULUS
        if h >= 1 << 63:
            h -= _HASH_MODULUS
        return -2 if h == -1 else h

    def __eq__(self, other):
        if isinstance(other, complex):
            return self._r == other._r and self._i == other._i
        if isinstance(other, (int, float)):
            return self._i == 0.0 and self._r == other
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __bool__(self):
        return self._r != 0.0 or self._i != 0.0

    def __complex__(self):
        return complex(self._r, self._i)

    def conjugate(self):
        return complex(self._r, -self._i)

    def __abs__(self):
        r, i = self._r, self._i
        if math.isinf(r) or math.isinf(i):
            return math.inf
        if math.isnan(r) or math.isnan(i):
            return math.nan
        result = math.hypot(r, i)
        if math.isinf(result):
            raise OverflowError("absolute value too large")
        return result

    def __neg__(self):
        return complex(-self._r, -self._i)

    def __pos__(self):
        return complex(self._r, self._i)

    def __add__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(self._r + o[0], self._i + o[1])

    def __radd__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(o[0] + self._r, o[1] + self._i)

    def __sub__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(self._r - o[0], self._i - o[1])

    def __rsub__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(o[0] - self._r, o[1] - self._i)

    def __mul__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        a, b = self._r, self._i
        c, d = o
        return complex(a * c - b * d, a * d + b * c)

    def __rmul__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        a, b = o
        c, d = self._r, self._i
        return complex(a * c - b * d, a * d + b * c)

    def __truediv__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(*_quot(self._r, self._i, o[0], o[1]))

    def __rtruediv__(self, other):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        return complex(*_quot(o[0], o[1], self._r, self._i))

    def __pow__(self, other, mod=None):
        if mod is not None:
            raise ValueError("complex modulo")
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        try:
            return complex(*_pow(self._r, self._i, o[0], o[1]))
        except ZeroDivisionError:
            raise ZeroDivisionError("0.0 to a negative or complex power") from None
        except OverflowError:
            raise OverflowError("complex exponentiation") from None

    def __rpow__(self, other, mod=None):
        o = _as_pair(other)
        if o is None:
            return NotImplemented
        try:
            return complex(*_pow(o[0], o[1], self._r, self._i))
        except ZeroDivisionError:
            raise ZeroDivisionError("0.0 to a negative or complex power") from None
