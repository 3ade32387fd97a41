# Decimals whose coefficients have more digits than int/str conversion allows (4300): they
# print, parse and give their digits (CPython's decimal keeps its digits as text).
import decimal
from decimal import Decimal

decimal.getcontext().prec = 20000


def factorial(n, m):
    if n > m:
        return factorial(m, n)
    elif m == 0:
        return 1
    elif n == m:
        return n
    return factorial(n, (n + m) // 2) * factorial((n + m) // 2 + 1, m)


f = factorial(Decimal(3000), 0)
text = str(f)
print(len(text), text[:40], text[-10:])
back = Decimal(text)
print(back == f, len(back.as_tuple().digits), back.as_tuple().digits[:5])
big = Decimal("9" * 6000 + ".5")
print(len(str(big)), str(big)[-3:], big.adjusted())
print(str(Decimal("1" + "0" * 5000).quantize(Decimal(1)))[:3], Decimal(10) ** 5000 == Decimal("1e5000"))
print(format(Decimal("7" * 4500), "f")[-5:])
