"""Mathematical functions for complex numbers (Python's cmath), following CPython's formulas
(Modules/cmathmodule.c) for finite arguments so that results agree to the last bit."""
import math

__all__ = ["phase", "polar", "rect", "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh",
           "cosh", "tanh", "isfinite", "isinf", "isnan", "isclose", "pi", "e", "tau", "inf",
           "infj", "nan", "nanj"]

pi = math.pi
e = math.e
tau = math.tau
inf = math.inf
nan = math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_LARGE = 1.7976931348623157e308 / 4.0
_MIN = 2.2250738585072014e-308


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(float(z), 0.0)
    if hasattr(type(z), "__complex__"):
        return z.__complex__()
    if hasattr(type(z), "__float__") or hasattr(type(z), "__index__"):
        return complex(float(z), 0.0)
    raise TypeError("must be real number, not %s" % type(z).__name__)


def phase(z):
    z = _c(z)
    return math.atan2(z.imag, z.real)


def polar(z):
    z = _c(z)
    return abs(z), math.atan2(z.imag, z.real)


def rect(r, phi):
    if math.isinf(r) or math.isnan(phi):
        return complex(r * math.cos(phi), r * math.sin(phi))
    if phi == 0.0:
        return complex(r, phi * r)
    return complex(r * math.cos(phi), r * math.sin(phi))


def sqrt(z):
    z = _c(z)
    x, y = z.real, z.imag
    if x == 0.0 and y == 0.0:
        return complex(0.0, y)
    ax, ay = abs(x), abs(y)
    if math.isinf(ay):
        return complex(inf, y)
    if math.isinf(x):
        if x > 0:
            return complex(x, math.copysign(0.0 if not math.isnan(y) else y, y))
        return complex(0.0 if not math.isnan(y) else abs(y), math.copysign(inf, y))
    if ax < _MIN and ay < _MIN:
        ax = math.ldexp(ax, 53)
        s = math.ldexp(math.sqrt(ax + math.hypot(ax, math.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * math.sqrt(ax + math.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return complex(s, math.copysign(d, y))
    return complex(d, math.copysign(s, y))


def exp(z):
    z = _c(z)
    x, y = z.real, z.imag
    if x > 709.0:
        l = math.exp(x - 1.0)
        return complex(l * math.cos(y) * math.e, l * math.sin(y) * math.e)
    l = math.exp(x)
    return complex(l * math.cos(y), l * math.sin(y))


def _log(z):
    x, y = z.real, z.imag
    ax, ay = abs(x), abs(y)
    if ax == 0.0 and ay == 0.0:
        raise ValueError("math domain error")
    if ax > _LARGE or ay > _LARGE:
        real = math.log(math.hypot(ax / 2.0, ay / 2.0)) + math.log(2.0)
    elif ax < _MIN and ay < _MIN:
        real = math.log(math.hypot(math.ldexp(ax, 53), math.ldexp(ay, 53))) - 53 * math.log(2.0)
    else:
        h = math.hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am = ax if ax > ay else ay
            an = ay if ax > ay else ax
            real = math.log1p((am - 1) * (am + 1) + an * an) / 2.0
        else:
            real = math.log(h)
    return complex(real, math.atan2(y, x))


def log(z, base=None):
    r = _log(_c(z))
    if base is None:
        return r
    return r / _log(_c(base))


def log10(z):
    r = _log(_c(z))
    ln10 = math.log(10.0)
    return complex(r.real / ln10, r.imag / ln10)


def cosh(z):
    z = _c(z)
    x, y = z.real, z.imag
    return complex(math.cos(y) * math.cosh(x), math.sin(y) * math.sinh(x))


def sinh(z):
    z = _c(z)
    x, y = z.real, z.imag
    return complex(math.cos(y) * math.sinh(x), math.sin(y) * math.cosh(x))


def tanh(z):
    z = _c(z)
    x, y = z.real, z.imag
    if abs(x) > 354.0:
        return complex(math.copysign(1.0, x), 4 * math.sin(y) * math.cos(y) * math.exp(-2 * abs(x)))
    tx = math.tanh(x)
    ty = math.tan(y)
    cx = 1.0 / math.cosh(x)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return complex(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)


def cos(z):
    z = _c(z)
    return cosh(complex(-z.imag, z.real))


def sin(z):
    z = _c(z)
    r = sinh(complex(-z.imag, z.real))
    return complex(r.imag, -r.real)


def tan(z):
    z = _c(z)
    r = tanh(complex(-z.imag, z.real))
    return complex(r.imag, -r.real)


def isfinite(z):
    z = _c(z)
    return math.isfinite(z.real) and math.isfinite(z.imag)


def isinf(z):
    z = _c(z)
    return math.isinf(z.real) or math.isinf(z.imag)


def isnan(z):
    z = _c(z)
    return math.isnan(z.real) or math.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a = _c(a)
    b = _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol
