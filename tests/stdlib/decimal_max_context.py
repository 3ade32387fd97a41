# decimal with the largest context (MAX_PREC, MAX_EMAX, MIN_EMIN): exact integer arithmetic on
# Decimals mixed with ints, as a product tree over Decimal(n) computes a factorial.
import decimal
from decimal import Decimal

print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)


def factorial(n, m):
    if n > m:
        return factorial(m, n)
    elif m == 0:
        return 1
    elif n == m:
        return n
    else:
        return factorial(n, (n + m) // 2) * factorial((n + m) // 2 + 1, m)


with decimal.localcontext() as c:
    c.prec = decimal.MAX_PREC
    c.Emax = decimal.MAX_EMAX
    c.Emin = decimal.MIN_EMIN
    f = factorial(Decimal(1000), 0)
    s = str(f)
    print(len(s), s[:20], s[-260:-240], type(f).__name__)
    print(f == factorial(1000, 0), f > 10 ** 2567, f < 10 ** 2568)
    print(Decimal(7) // 2, Decimal(-7) // 2, Decimal(7) % -2, Decimal(-7) % 2, Decimal(10) // Decimal(-3))
    print(Decimal(5) + 3, 3 - Decimal(5), Decimal(-2) * 4, 2 == Decimal(2), Decimal(2) != 3, True + Decimal(1))
    print(Decimal(3) > Decimal("2.5"), Decimal("1.50") == Decimal("1.5"), Decimal(0) == -Decimal(0))
    print(Decimal("12.50") + Decimal("0.5"), Decimal("-1.5") + Decimal("1.5"), Decimal(2) ** 100)
print(decimal.getcontext().prec, Decimal(1) / 7)

# _decimal (where CPython's decimal takes its contents from) gives the same objects
import _decimal
print(_decimal.Decimal is Decimal, _decimal.MAX_PREC == decimal.MAX_PREC, _decimal.getcontext() is decimal.getcontext())
