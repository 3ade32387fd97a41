"""Decimal floating point (a subset of Python's decimal, written here since Debian 12 has no
libmpdec): Decimal from str, int, float (exactly) or another Decimal; + - * / // % **, unary -,
+, abs; exp, ln, log10 and non-integral powers correctly rounded (_decimal_math); comparisons with Decimal and int (and exact comparison with float);
quantize, to_integral_value, sqrt, normalize, adjusted, as_tuple, copy_abs, copy_negate, is_*;
str/repr in Python's scientific-string form; format() with 'f', '%' or no type; hash equal to
equal ints and floats; getcontext().prec and .rounding (all eight rounding modes), setcontext,
localcontext; NaN and Infinity. Operations round to the context's precision as Python's do.
Emin/Emax: results past Emax overflow (Overflow, trapped by default, or the rounding's infinity or
largest number when untrapped), results below Emin are subnormal or underflow to zero; the
context records Overflow, Underflow, Subnormal, Inexact, Rounded and Clamped in its flags and
raises those it traps. Not covered: InvalidOperation and DivisionByZero are always raised (as
with Python's default traps), sNaN payloads, the logical and most context-method APIs."""

from _ml_text import text as _t
import math

import _decimal_math as _dm

__all__ = ["Decimal", "Context", "getcontext", "setcontext", "localcontext", "DecimalException",
           "InvalidOperation", "DivisionByZero", "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN",
           "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP",
           "DefaultContext", "BasicContext", "ExtendedContext", "MAX_PREC", "MAX_EMAX", "MIN_EMIN",
           "MIN_ETINY", "HAVE_THREADS", "HAVE_CONTEXTVAR"]

# The limits of CPython's decimal on a 64-bit machine: a context may ask for any precision and
# exponent range up to these (the coefficients here are ints of any size).
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded):
    pass


class Clamped(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


_TEN18 = 10 ** 18


def _ndigits(n):
    """Decimal digits of the int n >= 0, without str(): coefficients in the middle of a
    computation may pass the interpreter's int-to-str digit limit (as CPython's C decimal
    never converts them)."""
    if n < _TEN18:
        return len(str(n))
    d = (n.bit_length() - 1) * 30102 // 100000  # at most floor(log10(n)): 0.30102 < log10(2)
    while 10 ** (d + 1) <= n:
        d += 1
    return d + 1


_CHUNK = 4000  # digits converted at once: under the interpreter's int/str limit (4300)


def _int_text(n):
    """str(n) for an int n >= 0 of any size: a Decimal's coefficient may have more digits than
    str() converts (CPython's decimal keeps its digits as text and never meets the limit)."""
    if n < 10 ** _CHUNK:
        return str(n)
    k = _ndigits(n) // 2
    high, low = divmod(n, 10 ** k)
    return _int_text(high) + _int_text(low).zfill(k)


def _text_int(digits):
    """int(digits) for a string of ASCII digits of any length (see _int_text)."""
    if len(digits) <= _CHUNK:
        return int(digits)
    k = len(digits) // 2
    return _text_int(digits[:-k]) * 10 ** k + _text_int(digits[-k:])


def _signal(cls):
    # The trapped signal is raised (InvalidOperation for its conditions such as
    # ConversionSyntax); the message names the condition: [<class 'decimal.ConversionSyntax'>]
    raised = InvalidOperation if issubclass(cls, InvalidOperation) else cls
    getcontext().flags[raised] = True
    raise raised("[<class 'decimal.%s'>]" % cls.__name__)


class Context:
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                 flags=None, traps=None):
        if not isinstance(prec, int) or prec < 1:
            raise ValueError(_t("decimal.prec_range", "valid range for prec is [1, MAX_PREC]"))
        if rounding not in _ROUNDINGS:
            raise TypeError(_t("decimal.rounding_values", "valid values for rounding are: {values}", values=list(_ROUNDINGS)))
        if Emin > 0:
            raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        if Emax < 0:
            raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        self.prec = prec
        self.rounding = rounding
        self.Emin = Emin
        self.Emax = Emax
        self.capitals = capitals
        self.clamp = clamp
        self.flags = _signal_dict(flags, ())
        self.traps = _signal_dict(traps, (InvalidOperation, DivisionByZero, Overflow))

    def copy(self):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp)
        c.flags = dict(self.flags)
        c.traps = dict(self.traps)
        return c

    __copy__ = copy

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def clear_flags(self):
        for k in self.flags:
            self.flags[k] = False

    def clear_traps(self):
        for k in self.traps:
            self.traps[k] = False

    def _raise(self, conditions):
        """Records the signals of an operation in the flags; raises the first one trapped,
        its message listing every trapped signal raised, as CPython's decimal words it."""
        for c in conditions:
            self.flags[c] = True
        trapped = [c for c in conditions if self.traps.get(c)]
        if trapped:
            raise trapped[0]("[%s]" % ", ".join("<class 'decimal.%s'>" % c.__name__ for c in trapped))

    def create_decimal(self, num="0"):
        return Decimal(num)._fix(self)

    # Arithmetic done under this context (Context.add(a, b) is a + b computed with its
    # precision and rounding), as the decimal module offers them.
    def _under(self, fn, *args):
        saved = getcontext()
        setcontext(self)
        try:
            return fn(*[_convert_operand(x) for x in args])
        finally:
            setcontext(saved)

    def add(self, a, b): return self._under(lambda x, y: x + y, a, b)
    def subtract(self, a, b): return self._under(lambda x, y: x - y, a, b)
    def multiply(self, a, b): return self._under(lambda x, y: x * y, a, b)
    def divide(self, a, b): return self._under(lambda x, y: x / y, a, b)
    def divide_int(self, a, b): return self._under(lambda x, y: x // y, a, b)
    def remainder(self, a, b): return self._under(lambda x, y: x % y, a, b)
    def divmod(self, a, b): return self._under(lambda x, y: divmod(x, y), a, b)
    def power(self, a, b): return self._under(lambda x, y: x ** y, a, b)
    def exp(self, a): return self._under(lambda x: x.exp(), a)
    def ln(self, a): return self._under(lambda x: x.ln(), a)
    def log10(self, a): return self._under(lambda x: x.log10(), a)
    def plus(self, a): return self._under(lambda x: +x, a)
    def minus(self, a): return self._under(lambda x: -x, a)
    def abs(self, a): return self._under(lambda x: abs(x), a)
    def sqrt(self, a): return self._under(lambda x: x.sqrt(), a)
    def compare(self, a, b): return self._under(lambda x, y: x.compare(y), a, b)
    def max(self, a, b): return self._under(lambda x, y: x.max(y), a, b)
    def min(self, a, b): return self._under(lambda x, y: x.min(y), a, b)
    def normalize(self, a): return self._under(lambda x: x.normalize(), a)
    def quantize(self, a, b): return self._under(lambda x, y: x.quantize(y), a, b)
    def to_integral_value(self, a): return self._under(lambda x: x.to_integral_value(), a)
    def to_sci_string(self, a): return str(_convert_operand(a))
    def is_zero(self, a): return _convert_operand(a).is_zero()
    def is_signed(self, a): return _convert_operand(a).is_signed()

    def __repr__(self):
        def names(d):
            return ", ".join(c.__name__ for c in _SIGNALS if d.get(c))
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])"
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   names(self.flags), names(self.traps)))


def _signal_dict(given, default):
    """flags or traps: a dict of every signal to a bool, from a list of the ones set or a dict."""
    chosen = default if given is None else given
    if isinstance(chosen, dict):
        d = {c: False for c in _SIGNALS}
        d.update((k, bool(v)) for k, v in chosen.items())
        return d
    return {c: c in chosen for c in _SIGNALS}


_SIGNALS = (Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded, Subnormal, Overflow, Underflow,
            FloatOperation)


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN)
_current = [DefaultContext.copy()]


def getcontext():
    return _current[0]


def setcontext(context):
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx.copy()

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    lc = _LocalContext(ctx if ctx is not None else getcontext())
    for key, value in kwargs.items():
        setattr(lc.new, key, value)
    return lc


def _round_coef(coef, drop, sign, rounding):
    """coef without its last `drop` digits, rounded; True when it was rounded away from zero."""
    q, r = divmod(coef, 10 ** drop)
    if r == 0:
        return q
    half = 5 * 10 ** (drop - 1)
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    else:  # ROUND_05UP
        up = q % 10 in (0, 5)
    return q + 1 if up else q


def _from_int(value):
    """Decimal(value) for an int value."""
    if type(value) is not int:
        value = int(value)  # True, or an int subclass
    d = object.__new__(Decimal)
    d._sign = 1 if value < 0 else 0
    d._int = -value if value < 0 else value
    d._exp = 0
    d._special = ""
    return d


class Decimal:
    __slots__ = ("_sign", "_int", "_exp", "_special")

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = ""
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return self
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            return self
        if isinstance(value, float):
            if value != value:
                self._sign, self._int, self._exp, self._special = 0, 0, 0, "n"
                return self
            self._sign = 1 if math.copysign(1.0, value) < 0 else 0
            if value in (float("inf"), float("-inf")):
                self._int, self._exp, self._special = 0, 0, "F"
                return self
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1  # d is a power of two: n/2^k = n*5^k/10^k
            self._int, self._exp = n * 5 ** k, -k
            return self
        if isinstance(value, (tuple, list)):
            sign, digits, exp = value
            self._sign = sign
            self._int = _text_int("".join(str(d) for d in digits) or "0")
            if exp == "F" or exp == "n" or exp == "N":
                self._exp, self._special = 0, exp
            else:
                self._exp = exp
            return self
        if isinstance(value, str):
            return self._parse(value)
        raise TypeError(_t("decimal.unsupported_conversion", "conversion from {type} to Decimal is not supported", type=type(value).__name__))

    def _parse(self, text):
        s = text.strip().replace("_", "")
        sign = 0
        if s[:1] in ("+", "-"):
            sign = 1 if s[0] == "-" else 0
            s = s[1:]
        low = s.lower()
        self._sign = sign
        if low in ("inf", "infinity"):
            self._int, self._exp, self._special = 0, 0, "F"
            return self
        if low in ("nan", "snan"):
            self._int, self._exp, self._special = 0, 0, "n" if low == "nan" else "N"
            return self
        mantissa, exp = s, 0
        for e in ("e", "E"):
            if e in s:
                mantissa, _, exp_text = s.partition(e)
                if not exp_text or not exp_text.lstrip("+-").isdigit() or exp_text.count("-") + exp_text.count("+") > 1:
                    _signal(ConversionSyntax)
                exp = int(exp_text)
        whole, dot, frac = mantissa.partition(".")
        digits = whole + frac
        if not digits or not digits.isdigit():
            _signal(ConversionSyntax)
        self._int = _text_int(digits)
        self._exp = exp - len(frac)
        return self

    # ---------------------------------------------------------------- basics
    def _is_special(self):
        return self._special != ""

    def is_nan(self):
        return self._special in ("n", "N")

    def is_snan(self):
        return self._special == "N"

    def is_qnan(self):
        return self._special == "n"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return self._special == ""

    def is_zero(self):
        return self._special == "" and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def _new(self, sign, coef, exp):
        d = object.__new__(Decimal)
        d._sign, d._int, d._exp, d._special = sign, coef, exp, ""
        return d

    def _fix(self, context=None):
        """Rounded to the context's precision and brought within its exponent limits
        (the General Decimal Arithmetic's rules, as CPython's decimal applies them)."""
        if self._special:
            return self
        ctx = context or _current[0]
        prec = ctx.prec
        exp = self._exp
        # At most bit_length * log10(2) + 1 digits: when even that fits, nothing to do.
        most = self._int.bit_length() * 30103 // 100000 + 1
        if most <= prec and ctx.Emin <= exp and exp + most - 1 <= ctx.Emax and not ctx.clamp:
            return self
        digits = _ndigits(self._int)
        etiny = ctx.Emin - prec + 1
        etop = ctx.Emax - prec + 1
        if digits <= prec and ctx.Emin <= exp + digits - 1 <= ctx.Emax and not (ctx.clamp and exp > etop):
            return self
        sign = self._sign
        if self._int == 0:
            new_exp = min(max(exp, etiny), ctx.Emax if not ctx.clamp else etop)
            if new_exp != exp:
                ctx._raise((Clamped,))
            return self._new(sign, 0, new_exp)
        exp_min = digits + exp - prec
        if exp_min > etop:
            return self._overflow(ctx)
        subnormal = exp_min < etiny
        if subnormal:
            exp_min = etiny
        if exp < exp_min:
            drop = exp_min - exp
            if drop > digits:  # rounds off every digit: like 0.0...01 for the rounding's sake
                coef_in, drop = 1, 1
            else:
                coef_in = self._int
            coef = _round_coef(coef_in, drop, sign, ctx.rounding)
            changed = coef * 10 ** drop != coef_in
            if _ndigits(coef) > prec:
                coef //= 10
                exp_min += 1
            if exp_min > etop:
                return self._overflow(ctx)
            ans = self._new(sign, coef, exp_min)
            conditions = []
            if changed and subnormal:
                conditions.append(Underflow)
            if subnormal:
                conditions.append(Subnormal)
            if changed:
                conditions.append(Inexact)
            conditions.append(Rounded)
            if coef == 0 and changed:
                conditions.append(Clamped)
            ctx._raise(conditions)
            return ans
        if subnormal:
            ctx._raise((Subnormal,))
        if ctx.clamp and exp > etop:
            ctx._raise((Clamped,))
            return self._new(sign, self._int * 10 ** (exp - etop), etop)
        return self

    def _overflow(self, ctx):
        """The result of an overflow: infinity or the largest finite number, by the rounding."""
        sign = self._sign
        r = ctx.rounding
        to_inf = r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
            (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1)
        ctx._raise((Overflow, Inexact, Rounded))
        if to_inf:
            d = object.__new__(Decimal)
            d._sign, d._int, d._exp, d._special = sign, 0, 0, "F"
            return d
        return self._new(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)

    def adjusted(self):
        return self._exp + _ndigits(self._int) - 1 if not self._special else 0

    def as_tuple(self):
        from collections import namedtuple
        exp = self._special if self._special else self._exp
        digits = tuple(int(c) for c in _int_text(self._int)) if not self._special or self._int else ((0,) if not self._special else ())
        return _DecimalTuple(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special:
            raise (ValueError if self.is_nan() else OverflowError)(_t("decimal.to_ratio", "cannot convert {what} to integer ratio", what="NaN" if self.is_nan() else "Infinity"))
        if self._exp >= 0:
            return ((-1) ** self._sign * self._int * 10 ** self._exp, 1)
        from fractions import Fraction
        f = Fraction((-1) ** self._sign * self._int, 10 ** -self._exp)
        return (f.numerator, f.denominator)

    # ---------------------------------------------------------------- text
    def __str__(self):
        return self._to_string(False)

    def to_eng_string(self, context=None):
        return self._to_string(True)

    def _to_string(self, eng):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special == "n":
            return sign + "NaN"
        if self._special == "N":
            return sign + "sNaN"
        coef = _int_text(self._int)
        leftdigits = self._exp + len(coef)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart, fracpart = "0", "." + "0" * (-dotplace) + coef
        elif dotplace >= len(coef):
            intpart, fracpart = coef + "0" * (dotplace - len(coef)), ""
        else:
            intpart, fracpart = coef[:dotplace], "." + coef[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            exp = "E%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, spec):
        import re
        m = re.fullmatch(r"(?:(.)?([<>=^]))?([-+ ])?(0)?(\d+)?(,|_)?(?:\.(\d+))?([fF%])?", spec)
        if m is None:
            raise ValueError(_t("decimal.format_spec", "unsupported format specification for Decimal: {spec}", spec=repr(spec)))
        fill, align, sign, zero, width, grouping, prec, kind = m.groups()
        value = self
        if kind == "%":
            value = self._new(self._sign, self._int, self._exp + 2) if not self._special else self
        if prec is not None and kind is not None and not value._special:
            value = value.quantize(Decimal((0, (1,), -int(prec))), rounding=getcontext().rounding)
            text = value._fixed()
        elif kind in ("f", "F", "%") and not value._special:
            text = value._fixed()
        else:
            text = str(value)
        if kind == "%":
            text += "%"
        body = text.lstrip("-")
        neg = text.startswith("-")
        if grouping:
            whole, dot, rest = body.partition(".")
            groups = []
            while len(whole) > 3:
                groups.insert(0, whole[-3:])
                whole = whole[:-3]
            groups.insert(0, whole)
            body = grouping.join(groups) + dot + rest
        signtext = "-" if neg else ("+" if sign == "+" else (" " if sign == " " else ""))
        if zero and not align:
            fill, align = "0", "="
        spec2 = (fill or "") + (align or ">") + (width or "")
        if align == "=":
            w = int(width or 0) - len(signtext)
            return signtext + format(body, (fill or " ") + ">" + str(max(w, 0)))
        return format(signtext + body, spec2)

    def _fixed(self):
        coef = _int_text(self._int)
        sign = "-" if self._sign else ""
        if self._exp >= 0:
            return sign + coef + "0" * self._exp
        n = -self._exp
        coef = coef.rjust(n + 1, "0")
        return sign + coef[:-n] + "." + coef[-n:]

    # ---------------------------------------------------------------- conversion
    def _operand(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        return None

    def __float__(self):
        if self._special == "n" or self._special == "N":
            return float("nan")
        return float(str(self))

    def __int__(self):
        if self._special:
            raise (ValueError if self.is_nan() else OverflowError)(_t("decimal.to_integer", "cannot convert {what} to integer", what="NaN" if self.is_nan() else "Infinity"))
        v = self._int * 10 ** self._exp if self._exp >= 0 else self._int // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __floor__(self):
        return int(self.to_integral_value(ROUND_FLOOR))

    def __ceil__(self):
        return int(self.to_integral_value(ROUND_CEILING))

    def __round__(self, n=None):
        if n is None:
            return int(self.to_integral_value(ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, (1,), -n)), rounding=ROUND_HALF_EVEN)

    def __bool__(self):
        return self._special != "" or self._int != 0

    def __hash__(self):
        if self._special:
            if self.is_nan():
                raise TypeError("Cannot hash a signaling NaN value.") if self.is_snan() else None
                return 0
            return hash(float("-inf") if self._sign else float("inf"))
        if self._exp >= 0:
            return hash(int(self))
        from fractions import Fraction
        return hash(Fraction(*self.as_integer_ratio()))

    # ---------------------------------------------------------------- arithmetic
    def _nan_check(self, other):
        if self.is_nan() or (other is not None and other.is_nan()):
            if self.is_snan() or (other is not None and other.is_snan()):
                _signal(InvalidOperation)
            return Decimal("NaN")
        return None

    def _add(self, other, context=None):
        if not self._special and not other._special and self._exp == other._exp:
            # finite operands of one scale: no alignment, and the sum of two numbers that
            # are not both zero is never -0
            a = -self._int if self._sign else self._int
            b = -other._int if other._sign else other._int
            total = a + b
            if total:
                return self._new(1 if total < 0 else 0, abs(total), self._exp)._fix(context)
        nan = self._nan_check(other)
        if nan is not None:
            return nan
        if self._special == "F" or other._special == "F":
            if self._special == "F" and other._special == "F" and self._sign != other._sign:
                _signal(InvalidOperation)
            return Decimal(self) if self._special == "F" else Decimal(other)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            ctx = context or getcontext()
            sign = 1 if (self._sign and other._sign) or (ctx.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
            return self._new(sign, 0, exp)._fix(context)
        return self._new(1 if total < 0 else 0, abs(total), exp)._fix(context)

    def __add__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else self._add(other)

    def __radd__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else other._add(self)

    def __sub__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else self._add(other.copy_negate())

    def __rsub__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else other._add(self.copy_negate())

    def __mul__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        if not self._special and not other._special:
            return self._new(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)._fix()
        nan = self._nan_check(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special == "F" or other._special == "F":
            if self.is_zero() or other.is_zero():
                _signal(InvalidOperation)
            return Decimal((sign, (0,), "F"))
        return self._new(sign, self._int * other._int, self._exp + other._exp)._fix()

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        nan = self._nan_check(other)
        if nan is not None:
            return nan
        sign = self._sign ^ other._sign
        if self._special == "F" or other._special == "F":
            if self._special == "F" and other._special == "F":
                _signal(InvalidOperation)
            if self._special == "F":
                return Decimal((sign, (0,), "F"))
            return self._new(sign, 0, 0)
        if other._int == 0:
            _signal(DivisionUndefined if self._int == 0 else DivisionByZero)
        if self._int == 0:
            return self._new(sign, 0, self._exp - other._exp)
        prec = getcontext().prec
        shift = _ndigits(other._int) - _ndigits(self._int) + prec + 1
        exp = self._exp - other._exp - shift
        if shift >= 0:
            coef, rem = divmod(self._int * 10 ** shift, other._int)
        else:
            coef, rem = divmod(self._int, other._int * 10 ** -shift)
        if rem:
            if coef % 5 == 0:
                coef += 1
        else:
            ideal = self._exp - other._exp
            while exp < ideal and coef % 10 == 0:
                coef //= 10
                exp += 1
        return self._new(sign, coef, exp)._fix()

    def __rtruediv__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else other.__truediv__(self)

    def _divmod(self, other):
        if self._special or other._special:
            _signal(InvalidOperation)
        if other._int == 0:
            _signal(DivisionUndefined if self._int == 0 else DivisionByZero)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)  # truncating division: the remainder has the dividend's sign
        sign = self._sign ^ other._sign
        if _ndigits(q) > getcontext().prec:
            _signal(DivisionImpossible)
        return self._new(sign, q, 0), self._new(self._sign, r, exp)._fix()

    def __floordiv__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        if not self._special and not other._special and other._int and self._exp == other._exp:
            # one scale: the integer quotient of the coefficients, truncated toward zero
            q = self._int // other._int
            if _ndigits(q) > getcontext().prec:
                _signal(DivisionImpossible)
            return self._new(self._sign ^ other._sign, q, 0)
        return self._divmod(other)[0]

    def __rfloordiv__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else other._divmod(self)[0]

    def __mod__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else self._divmod(other)[1]

    def __rmod__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else other._divmod(self)[1]

    def __divmod__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else self._divmod(other)

    def __pow__(self, other):
        other = self._operand(other)
        if other is None:
            return NotImplemented
        if other._special or other._exp < 0 and other._int % 10 ** -other._exp:
            return self._power_real(other)
        n = int(other)
        if self._special:
            return Decimal(self)
        if n >= 0:
            return self._new(self._sign if n % 2 else 0, self._int ** n, self._exp * n)._fix()
        if self._int == 0:
            _signal(DivisionByZero)
        with localcontext() as ctx:
            ctx.prec += 3
            inv = Decimal(1) / self._new(self._sign, self._int ** -n, self._exp * -n)
        return inv._fix()

    def __neg__(self):
        return self.copy_negate()._fix()

    def __pos__(self):
        return Decimal(self)._fix()

    def __abs__(self):
        return self.copy_abs()._fix()

    def copy_abs(self):
        d = Decimal(self)
        d._sign = 0
        return d

    def copy_negate(self):
        d = Decimal(self)
        d._sign = 1 - d._sign
        return d

    def scaleb(self, other, context=None):
        n = int(_convert_operand(other))
        if self._special:
            return Decimal(self)
        return self._new(self._sign, self._int, self._exp + n)._fix(context)

    def fma(self, other, third, context=None):
        with localcontext(context or getcontext()) as ctx:
            ctx.prec += _ndigits(self._int) + _ndigits(_convert_operand(other)._int) + 2
            product = self * other
        return (product + third)._fix(context)

    def copy_sign(self, other):
        d = Decimal(self)
        d._sign = Decimal(other)._sign
        return d

    # ---------------------------------------------------------------- rounding
    def quantize(self, exp, rounding=None, context=None):
        exp = self._operand(exp) if not isinstance(exp, Decimal) else exp
        ctx = context or getcontext()
        rounding = rounding or ctx.rounding
        if self._special or exp._special:
            if self.is_nan() or exp.is_nan():
                return Decimal("NaN")
            if self._special == "F" and exp._special == "F":
                return Decimal(self)
            _signal(InvalidOperation)
        target = exp._exp
        if target >= self._exp:
            coef = _round_coef(self._int, target - self._exp, self._sign, rounding) if target > self._exp else self._int
        else:
            coef = self._int * 10 ** (self._exp - target)
        if _ndigits(coef) > ctx.prec:
            _signal(InvalidOperation)
        return self._new(self._sign, coef, target)

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return Decimal(self)
        rounding = rounding or getcontext().rounding
        return self._new(self._sign, _round_coef(self._int, -self._exp, self._sign, rounding), 0)

    to_integral = to_integral_value

    def normalize(self, context=None):
        d = self._fix(context)
        if d._special:
            return d
        if d._int == 0:
            return self._new(d._sign, 0, 0)
        coef, exp = d._int, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return self._new(d._sign, coef, exp)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        if self._special:
            if self.is_nan() or not self._sign:
                return Decimal(self)
            _signal(InvalidOperation)
        if self._int == 0:
            return self._new(self._sign, 0, self._exp // 2)
        if self._sign:
            _signal(InvalidOperation)
        ideal = self._exp // 2
        coef, exp = self._int, self._exp
        if exp % 2:
            coef *= 10
            exp -= 1
        # enough digits for prec + 1 significant digits of the root
        k = max(0, ctx.prec + 2 - (_ndigits(coef) + 1) // 2)
        coef *= 10 ** (2 * k)
        exp -= 2 * k
        root = math.isqrt(coef)
        exact = root * root == coef
        exp //= 2
        if exact:
            while exp < ideal and root % 10 == 0:
                root //= 10
                exp += 1
        elif root % 5 == 0:
            root += 1
        with localcontext(ctx) as c:
            c.rounding = ROUND_HALF_EVEN
            return self._new(0, root, exp)._fix(c)

    # ---------------------------------------------------------------- exp, ln, log10, x ** y
    # Correctly rounded (exp, ln and log10 half-even, powers in the context's rounding), as
    # CPython's: _decimal_math approximates with guard digits until the rounding is certain.
    def _is_one(self):
        return self._exp <= 0 and self._int == 10 ** -self._exp

    def _log_special(self):
        """The result of ln/log10 for NaN, infinities, zero and negatives; None otherwise."""
        if self.is_nan():
            return Decimal(self)
        if self._sign and not (self._special == "" and self._int == 0):
            _signal(InvalidOperation)
        if self._special:
            return Decimal(self)
        if self._int == 0:
            return Decimal("-Infinity")
        if self._is_one():
            return Decimal(0)
        return None

    def exp(self, context=None):
        ctx = context or getcontext()
        if self._special:
            return Decimal(self) if self.is_nan() or not self._sign else Decimal(0)
        if self._int == 0:
            return Decimal(1)
        if self.adjusted() > 8:
            if self._sign:
                return self._new(0, 0, ctx.Emin - ctx.prec + 1)
            _signal(Overflow)

        def attempt(W):
            E, n = _dm.exp_fixed(_dm.fixed(self._sign, self._int, self._exp, W), W)
            return 0, E, n - W
        return self._new(*_dm.ziv(attempt, ctx.prec, ROUND_HALF_EVEN, _round_coef))

    def ln(self, context=None):
        ctx = context or getcontext()
        special = self._log_special()
        if special is not None:
            return special

        def attempt(W):
            L = _dm.ln_coef(self._int, self._exp, W)
            return (1 if L < 0 else 0), abs(L), -W
        return self._new(*_dm.ziv(attempt, ctx.prec, ROUND_HALF_EVEN, _round_coef))

    def log10(self, context=None):
        ctx = context or getcontext()
        special = self._log_special()
        if special is not None:
            return special
        coef, exp = self._int, self._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        if coef == 1:  # a power of ten: its exponent, exactly
            return Decimal(exp)

        def attempt(W):
            T = _dm._div(_dm.ln_coef(self._int, self._exp, W + 5) * 10 ** W, _dm.ln10(W + 5))
            return (1 if T < 0 else 0), abs(T), -W
        return self._new(*_dm.ziv(attempt, ctx.prec, ROUND_HALF_EVEN, _round_coef))

    def _power_real(self, other, context=None):
        """self ** other for a non-integral or infinite exponent: exp(other * ln(self))."""
        ctx = context or getcontext()
        if self.is_nan() or other.is_nan():
            return Decimal("NaN")
        if other._special:
            if self._sign and self._int:
                _signal(InvalidOperation)
            if self._special != "F" and self._is_one():
                return self._new(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
            big = self.copy_abs() > 1
            return Decimal("Infinity") if big != bool(other._sign) else Decimal(0)
        elif self._special:
            if self._sign:
                _signal(InvalidOperation)
            return Decimal(0) if other._sign else Decimal(self)
        if self._int == 0:
            return Decimal("Infinity") if other._sign else Decimal(0)
        if self._sign:
            _signal(InvalidOperation)
        ny = _ndigits(other._int) + max(0, other._exp)

        def attempt(W):
            W2 = W + ny + 8
            X = _dm.ln_coef(self._int, self._exp, W2) * other._int  # at scale W2 - other._exp
            shift = W2 - other._exp - W
            X = _dm._div(X, 10 ** shift) if shift >= 0 else X * 10 ** -shift
            E, n = _dm.exp_fixed(-X if other._sign else X, W)
            return 0, E, n - W
        return self._new(*_dm.ziv(attempt, ctx.prec, ctx.rounding, _round_coef))

    def max(self, other):
        other = Decimal(other)
        return (self if self >= other else other)._fix()

    def min(self, other):
        other = Decimal(other)
        return (self if self <= other else other)._fix()

    # ---------------------------------------------------------------- comparison
    def _cmp(self, other):
        """-1, 0 or 1; None when either is a NaN."""
        if not self._special and not other._special and self._exp == other._exp:
            # the common case (integers, or numbers of one scale): compare the coefficients
            a = -self._int if self._sign else self._int
            b = -other._int if other._sign else other._int
            return (a > b) - (a < b)
        if self.is_nan() or other.is_nan():
            return None
        if self._special == "F" or other._special == "F":
            a = 0 if self._special != "F" else (-1 if self._sign else 1)
            b = 0 if other._special != "F" else (-1 if other._sign else 1)
            if a == b:
                return 0
            if a or b:
                return -1 if a < b else 1
        if self._int == 0 and other._int == 0:
            return 0
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = other._int * 10 ** (other._exp - exp) * (-1 if other._sign else 1)
        return (a > b) - (a < b)

    def _coerce_cmp(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            return Decimal(other)
        return None

    def compare(self, other):
        c = self._cmp(Decimal(other))
        return Decimal("NaN") if c is None else Decimal(c)

    def __eq__(self, other):
        other = self._coerce_cmp(other)
        if other is None:
            return NotImplemented
        return self._cmp(other) == 0

    def __lt__(self, other):
        other = self._coerce_cmp(other)
        if other is None:
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            _signal(InvalidOperation)
        return c < 0

    def __le__(self, other):
        other = self._coerce_cmp(other)
        if other is None:
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            _signal(InvalidOperation)
        return c <= 0

    def __gt__(self, other):
        other = self._coerce_cmp(other)
        if other is None:
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            _signal(InvalidOperation)
        return c > 0

    def __ge__(self, other):
        other = self._coerce_cmp(other)
        if other is None:
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            _signal(InvalidOperation)
        return c >= 0

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class DivisionImpossible(InvalidOperation):
    pass


class _DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return "DecimalTuple(sign=%r, digits=%r, exponent=%r)" % tuple(self)


def _convert_operand(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError(_t("decimal.unsupported_conversion", "conversion from {type} to Decimal is not supported", type=type(x).__name__))
