"""Rational numbers (Python's fractions.Fraction): exact arithmetic on a numerator and a positive
denominator kept in lowest terms; mixing with float gives float, as in Python."""

from _ml_text import text as _t
import math

__all__ = ["Fraction"]

_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159


def _parse(s):
    text = s.strip().replace("_", "")
    sign = 1
    if text[:1] in "+-":
        if text[0] == "-":
            sign = -1
        text = text[1:]
    if "/" in text:
        num, _, den = text.partition("/")
        if not num.isdigit() or not den.strip().isdigit():
            raise ValueError(_t("fractions.invalid_literal", "Invalid literal for Fraction: {text}", text=repr(s)))
        return sign * int(num), int(den.strip())
    mantissa, exp = text, 0
    for e in "eE":
        if e in text:
            mantissa, _, exp_text = text.partition(e)
            try:
                exp = int(exp_text)
            except ValueError:
                raise ValueError(_t("fractions.invalid_literal", "Invalid literal for Fraction: {text}", text=repr(s))) from None
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    if not digits or not digits.isdigit() or not (whole.isdigit() or whole == "") or not (frac.isdigit() or frac == ""):
        raise ValueError(_t("fractions.invalid_literal", "Invalid literal for Fraction: {text}", text=repr(s)))
    num, den = int(digits), 10 ** len(frac)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator, self._denominator = int(numerator), 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator, self._denominator = numerator._numerator, numerator._denominator
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                numerator, denominator = _parse(numerator)
            elif hasattr(numerator, "as_integer_ratio"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError(_t("fractions.arg_type", "argument should be a string or a Rational instance"))
        elif isinstance(numerator, int) and isinstance(denominator, int):
            numerator, denominator = int(numerator), int(denominator)
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            a, b = Fraction(numerator), Fraction(denominator)
            numerator = a._numerator * b._denominator
            denominator = a._denominator * b._numerator
        else:
            raise TypeError(_t("fractions.both_rational", "both arguments should be Rational instances"))
        if denominator == 0:
            raise ZeroDivisionError(_t("fractions.zero_denominator", "Fraction({numerator}, 0)", numerator=numerator))
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator, self._denominator = numerator, denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(_t("fractions.from_float", "{cls}.from_float() only takes floats, not {value} ({type})", cls=cls.__name__, value=repr(f), type=type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with a denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError(_t("fractions.max_denominator", "max_denominator should be at least 1"))
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # Arithmetic: with an int or a Fraction the result is exact; with a float it is a float.
    def _operands(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(a, b):
        c = a._operands(b)
        if c is not None:
            return Fraction(a._numerator * c._denominator + c._numerator * a._denominator, a._denominator * c._denominator)
        if isinstance(b, float):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        c = b._operands(a)
        if c is not None:
            return c + b
        if isinstance(a, float):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        c = a._operands(b)
        if c is not None:
            return Fraction(a._numerator * c._denominator - c._numerator * a._denominator, a._denominator * c._denominator)
        if isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        c = b._operands(a)
        if c is not None:
            return c - b
        if isinstance(a, float):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        c = a._operands(b)
        if c is not None:
            return Fraction(a._numerator * c._numerator, a._denominator * c._denominator)
        if isinstance(b, float):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        c = b._operands(a)
        if c is not None:
            return c * b
        if isinstance(a, float):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        c = a._operands(b)
        if c is not None:
            return Fraction(a._numerator * c._denominator, a._denominator * c._numerator)
        if isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        c = b._operands(a)
        if c is not None:
            return c / b
        if isinstance(a, float):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        c = a._operands(b)
        if c is not None:
            return (a._numerator * c._denominator) // (a._denominator * c._numerator)
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        c = b._operands(a)
        if c is not None:
            return c // b
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __mod__(a, b):
        c = a._operands(b)
        if c is not None:
            d = a._denominator * c._denominator
            return Fraction((a._numerator * c._denominator) % (c._numerator * a._denominator), d)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        c = b._operands(a)
        if c is not None:
            return c % b
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __divmod__(a, b):
        return (a // b, a % b)

    def __rdivmod__(b, a):
        return (a // b, a % b)

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = int(b) if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError(_t("fractions.zero_power", "Fraction({numerator}, 0)", numerator=a._denominator ** -power))
            if a._numerator > 0:
                return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
            return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
        return float(a) ** float(b)

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __bool__(a):
        return a._numerator != 0

    def __hash__(self):
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if not dinv:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, float):
            if b != b or b in (float("inf"), float("-inf")):
                return False
            return a == Fraction(b)
        return NotImplemented

    def _compare(a, b, op):
        if isinstance(b, (int, Fraction)):
            b = Fraction(b)
            return op(a._numerator * b._denominator, b._numerator * a._denominator)
        if isinstance(b, float):
            if b != b or b in (float("inf"), float("-inf")):
                return op(0.0, b)
            return a._compare(Fraction(b), op)
        return NotImplemented

    def __lt__(a, b):
        return a._compare(b, lambda x, y: x < y)

    def __gt__(a, b):
        return a._compare(b, lambda x, y: x > y)

    def __le__(a, b):
        return a._compare(b, lambda x, y: x <= y)

    def __ge__(a, b):
        return a._compare(b, lambda x, y: x >= y)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
