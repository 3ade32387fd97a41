"""Transcendental functions for decimal (exp, ln, log10, non-integer powers), on integers.

A value is a fixed-point integer X standing for X / 10**W. Each function returns an
approximation whose error is a few units of the last place; the caller (decimal.py) checks that
the interval around it rounds to one result at the wanted precision and asks again with more
digits when it does not (Ziv's strategy), so results are correctly rounded, as CPython's.
"""
import math

# error bound, in units of the last place, of the values these functions return
ERR = 64


def _nd(n):
    """Decimal digits of the int n >= 0, without str() (which refuses more than 4300 digits)."""
    if n < 10 ** 18:
        return len(str(n))
    d = (n.bit_length() - 1) * 30102 // 100000  # at most floor(log10(n))
    while 10 ** (d + 1) <= n:
        d += 1
    return d + 1


def _div(a, b):
    """a / b rounded toward zero (floor division would leave -1 forever in a series)."""
    return a // b if a >= 0 else -((-a) // b)


def _atanh_inv(n, scale):
    """atanh(1/n) * scale, for an integer n > 1."""
    total = 0
    power = scale // n
    n2 = n * n
    k = 1
    while power:
        total += power // k
        power //= n2
        k += 2
    return total


_ln_cache = {}


def ln2(W):
    key = ("2", W)
    if key not in _ln_cache:
        S = 10 ** (W + 5)
        _ln_cache[key] = (2 * _atanh_inv(3, S)) // 10 ** 5
    return _ln_cache[key]


def ln10(W):
    key = ("10", W)
    if key not in _ln_cache:
        S = 10 ** (W + 5)
        v = 6 * _atanh_inv(3, S) + 2 * _atanh_inv(9, S)  # 3 ln 2 + ln(5/4)
        _ln_cache[key] = v // 10 ** 5
    return _ln_cache[key]


def ln_coef(c, e, W):
    """ln(c * 10**e) * 10**W, for an integer c > 0."""
    G = 10
    Wg = W + G
    S = 10 ** Wg
    d = _nd(c)
    # c * 10**e = m * 10**(e + d - 1) with m = c / 10**(d - 1) in [1, 10)
    M = c * S // 10 ** (d - 1) if d - 1 <= Wg else c // 10 ** (d - 1 - Wg)
    k = e + d - 1
    # m = 2**t * u with u near 1
    t = round(math.log2(M / S))
    if t > 0:
        U = M // (1 << t)
    else:
        U = M * (1 << -t)
    # a few square roots bring u closer to 1: ln u = 2**s ln(u**(1/2**s))
    s = 4
    for _ in range(s):
        U = math.isqrt(U * S)
    Z = (U - S) * S // (U + S)
    Z2 = Z * Z // S
    term = Z
    total = 0
    j = 1
    while term:
        total += term // j
        term = _div(term * Z2, S)
        j += 2
    lnu = 2 * total * (1 << s)
    result = lnu + t * ln2(Wg) + k * ln10(Wg)
    return _div(result, 10 ** G)


def exp_fixed(X, W):
    """(E, n) with exp(X / 10**W) = E * 10**(n - W) within ERR units of E."""
    G = 12
    Wg = W + G
    S = 10 ** Wg
    Xg = X * 10 ** G
    # exp(x) = 10**n * exp(r), r = x - n ln 10, |r| <= ln(10)/2
    L10 = ln10(Wg + _nd(abs(X)) + 2)
    extra = _nd(abs(X)) + 2
    n = (Xg * 10 ** extra + L10 // 2) // L10 if Xg >= 0 else -((-Xg * 10 ** extra + L10 // 2) // L10)
    R = Xg - _div(n * L10, 10 ** extra)
    # exp(r) = exp(r / 2**s) ** (2**s)
    s = 8
    Rs = _div(R, 1 << s)
    term = S
    total = S
    j = 1
    while term:
        term = _div(term * Rs, S * j)
        total += term
        j += 1
    for _ in range(s):
        total = total * total // S
    return total // 10 ** G, n


def fixed(sign, c, e, W):
    """The fixed-point integer (scale 10**W) of (-1)**sign * c * 10**e, truncated."""
    v = c * 10 ** (e + W) if e + W >= 0 else c // 10 ** -(e + W)
    return -v if sign else v


def ziv(attempt, prec, rounding, round_coef):
    """(sign, coefficient, exponent) of the correctly rounded result of attempt(W), which gives
    (sign, E, exp) with the value within ERR units of E * 10**exp; W grows until the interval
    rounds one way."""
    W = prec + 10
    for _ in range(12):
        sign, E, exp = attempt(W)
        lo, hi = E - ERR, E + ERR
        if lo <= 0 or _nd(lo) < prec + 3:
            W += prec + 13 - _nd(max(lo, 1))
            continue
        drop = _nd(E) - prec
        if round_coef(lo, drop, sign, rounding) == round_coef(hi, drop, sign, rounding) and \
                _nd(lo) == _nd(hi):
            break
        W += 20
    drop = _nd(E) - prec
    if drop <= 0:
        return sign, E * 10 ** -drop, exp + drop
    coef = round_coef(E, drop, sign, rounding)
    exp += drop
    if _nd(coef) > prec:
        coef //= 10
        exp += 1
    return sign, coef, exp
