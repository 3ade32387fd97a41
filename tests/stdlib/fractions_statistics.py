from fractions import Fraction as F
import math
a, b = F(1, 3), F(-6, 4)
print(a, b, repr(b), a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)))
print(F(3), F("3/4"), F(" -1.25 "), F("1e-3"), F(0.5), F(1.1), F(F(2, 4)), F(2, F(4, 3)))
print(a + 1, 1 + a, a * 2, 2 / a, a + 0.5, 0.5 * a, a ** 2, a ** -2, b ** 3, 2 ** F(2), 4 ** F(1, 2))
print(a < b, a > b, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(2) == 2, a <= 0.34, -a, abs(b), +b)
print(int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1234, 1000), 2), float(a))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), len({F(1, 2), 0.5, F(2, 4)}))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2), F(355, 113).limit_denominator(100))
print(a.numerator, a.denominator, b.as_integer_ratio(), bool(F(0)), sorted([F(1, 2), F(1, 3), 0.4, 1]))
print(sum([F(1, n) for n in range(1, 6)]))
for bad in ["x", "1/0", "1.2.3"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(e)
import statistics as st
from fractions import Fraction as F
data = [1.5, 2.5, 2.5, 2.75, 3.25, 4.75]
print(st.mean([1, 2, 3]), st.mean([1, 2, 3, 4]), st.mean(data), st.mean([F(1, 3), F(2, 3)]), st.mean([1, 2.5]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 1, 1]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode("aabbbbccddddeeffffgg"))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance([1, 2, 3, 4]), st.variance([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.stdev([1, 2, 3, 4, 5]))
print(st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.stdev([0.1, 0.2, 0.3, 0.4]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5, 6], method="inclusive"))
print(st.variance(range(20)), st.stdev([x * 0.37 for x in range(1, 30)]), st.mean([1e300, 1e300]))
for f, arg in [(st.mean, []), (st.variance, [1]), (st.mode, []), (st.median, [])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print("StatisticsError:", e)
print(isinstance(st.StatisticsError(), ValueError))
