"""decimal contexts with Emin/Emax: Overflow/Underflow/Subnormal/Clamped, the rounding of an overflow, flags and traps."""
import decimal
from decimal import Decimal, Context, Overflow, Underflow, getcontext, localcontext
c = Context(Emax=5, Emin=-5, prec=4)
try:
    print(c.multiply(Decimal(1000), Decimal(1000)))
except Overflow as e:
    print("Overflow", type(e).__name__)
c.traps[Overflow] = False
print(c.multiply(Decimal(1000), Decimal(1000)), c.flags[Overflow])
print(c.multiply(Decimal("0.001"), Decimal("0.0001")), c.flags[Underflow], c.flags[decimal.Subnormal])
with localcontext() as ctx:
    ctx.Emax = 3
    try:
        print(Decimal(999) * 10)
    except Overflow:
        print("ovf")
print(Context(Emax=5, Emin=-5, prec=4).create_decimal("1e10") if False else "skip")
c3 = Context(Emax=5, Emin=-5, prec=4, traps=[])
print(c3.create_decimal("1e10"), c3.create_decimal("1.2345e-8"), c3.plus(Decimal("1e-9")))
print(getcontext().Emax, getcontext().Emin, c.Etiny(), c.Etop())
c4 = Context(prec=3, Emax=2, Emin=-2, traps=[])
for r in ("ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP"):
    c4.rounding = getattr(decimal, r)
    print(r, c4.plus(Decimal("12345")), c4.plus(Decimal("-12345")), c4.plus(Decimal("0.0001234")), c4.plus(Decimal("-0.00000001")))
print(sorted(k.__name__ for k, v in c4.flags.items() if v))
c5 = Context(prec=5, Emax=10, Emin=-10, clamp=1, traps=[])
print(c5.create_decimal("1E10"), c5.create_decimal("0E-30"), c5.create_decimal("1.5E-12"))
print(repr(Context(prec=5, Emax=10, Emin=-10, traps=[decimal.Overflow], flags=[decimal.Inexact])))
try:
    Context(prec=3, Emax=2, Emin=-2).plus(Decimal("12345"))
except decimal.Overflow as e:
    print("trapped", e)
try:
    Context(prec=3, Emax=2, Emin=-2, traps=[decimal.Underflow]).plus(Decimal("0.0001234"))
except decimal.Underflow as e:
    print("trapped", e)
print(Decimal("1e999999") * 10 if False else "x")
