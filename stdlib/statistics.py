"""Statistics of numeric data (Python's statistics): sums, means and variances are computed
exactly on fractions, then converted, so results match CPython's to the last digit."""

from _ml_text import text as _t
import math
from collections import Counter
from fractions import Fraction

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median",
           "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles",
           "stdev", "variance"]


class StatisticsError(ValueError):
    pass


def _exact_ratio(x):
    """x as (numerator, denominator); (x, None) for an infinity or a NaN."""
    if type(x) is int or isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            return x, None
        return x.as_integer_ratio()
    if isinstance(x, Fraction):
        return x.numerator, x.denominator
    try:
        return x.as_integer_ratio()
    except AttributeError:
        raise TypeError(_t("statistics.convert_type", "can't convert type '{type}' to numerator/denominator", type=type(x).__name__)) from None


def _coerce(T, S):
    """The type of a sum of a T and an S (int < Fraction < float)."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError(_t("statistics.coerce", "don't know how to coerce {left} and {right}", left=T.__name__, right=S.__name__))


def _sum(data):
    """(type, exact total as a Fraction or an inf/nan float, count)."""
    count = 0
    T = int
    partials = {}
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = sum(Fraction(n, d) for d, n in partials.items())
        total = Fraction(total)
    return T, total, count


def _convert(value, T):
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if issubclass(T, Fraction):
            return Fraction(value)
        raise


def _ss(data, c=None):
    """(type, sum of squared deviations from the mean (or from c), the mean, count)."""
    if c is not None:
        T, ssd, count = _sum((x - c) * (x - c) for x in data)
        return T, ssd, c, count
    data = list(data)
    count = len(data)
    T = int
    sx, sxx = {}, {}
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        sx[d] = sx.get(d, 0) + n
        if d is not None:
            sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sx:
        ssd = c = sx[None]
    else:
        total = sum(Fraction(n, d) for d, n in sx.items())
        total2 = sum(Fraction(n, d * d) for d, n in sxx.items())
        ssd = (count * total2 - total * total) / count
        c = total / count
    return T, ssd, c, count


def _isqrt_frac_rto(n, m):
    """The square root of n/m rounded to an integer, rounding to odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _float_sqrt_of_frac(n, m):
    """The square root of n/m as a correctly rounded float."""
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        numerator = _isqrt_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _isqrt_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError(_t("statistics.mean_empty", "mean requires at least one data point"))
    if isinstance(total, float):
        return total
    return _convert(total / n, T)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        if not data:
            raise StatisticsError(_t("statistics.fmean_empty", "fmean requires at least one data point"))
        return math.fsum(data) / len(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError(_t("statistics.weights_length", "data and weights must be the same length"))
    num = math.fsum(x * w for x, w in zip(data, weights))
    den = math.fsum(weights)
    if not den:
        raise StatisticsError(_t("statistics.weights_zero", "sum of weights must be non-zero"))
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError(_t("statistics.geometric_mean", "geometric mean requires a non-empty dataset containing positive numbers")) from None


def harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError(_t("statistics.harmonic_mean_empty", "harmonic_mean requires at least one data point"))
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(_t("statistics.harmonic_negative", "harmonic mean does not support negative values"))
            return x
        raise TypeError(_t("statistics.unsupported_type", "unsupported type"))
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError(_t("statistics.weights_count", "Number of weights does not match data size"))
        _, sum_weights, _ = _sum(w for w in weights)
    for x in data:
        if x < 0:
            raise StatisticsError(_t("statistics.harmonic_negative", "harmonic mean does not support negative values"))
    if any(x == 0 for x in data):
        return 0
    T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    if total <= 0:
        raise StatisticsError(_t("statistics.weighted_sum", "Weighted sum must be positive"))
    return _convert(sum_weights / total, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError(_t("statistics.median_empty", "no median for empty data"))
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError(_t("statistics.median_empty", "no median for empty data"))
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    if not data:
        raise StatisticsError(_t("statistics.median_empty", "no median for empty data"))
    return data[len(data) // 2]


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError(_t("statistics.mode_empty", "no mode for empty data"))
    return pairs[0][0]


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError(_t("statistics.variance_two", "variance requires at least two data points"))
    if isinstance(ss, float):
        return ss
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError(_t("statistics.pvariance_one", "pvariance requires at least one data point"))
    if isinstance(ss, float):
        return ss
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError(_t("statistics.stdev_two", "stdev requires at least two data points"))
    if isinstance(ss, float):
        return math.sqrt(ss)
    mss = Fraction(ss) / (n - 1)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError(_t("statistics.pstdev_one", "pstdev requires at least one data point"))
    if isinstance(ss, float):
        return math.sqrt(ss)
    mss = Fraction(ss) / n
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError(_t("statistics.quantiles_n", "n must be at least 1"))
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError(_t("statistics.quantiles_two", "must have at least two data points"))
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(_t("statistics.unknown_method", "Unknown method: {method}", method=repr(method)))
