from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, InvalidOperation, DivisionByZero
import decimal
print(D("1.10") + D("2.205"), D("1.1") * D("3"), D("1") / D("3"), D(2) / D(3), D("10") / D("4"), D("1.00") / D("4"))
print(D("-7") // D("2"), D("-7") % D("2"), D("7.5") % D("2"), divmod(D("10"), D("3")))
print(D(0.1), D(1.5), D(-0.0), D(10), D("1e3"), D("1E+3") + 0, D("0.000001"), D("0.0000001"), D("-1.23e-10"), D("123.456e5"))
print(repr(D("3.14")), D("nan"), D("-Infinity"), D("1_000.5"))
print(D("1.23456").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D("2.675").quantize(D("0.01"), rounding=ROUND_DOWN), D("-2.5").quantize(D("1"), rounding=ROUND_CEILING), D("-2.5").quantize(D("1"), rounding=ROUND_FLOOR))
print(D("1.5") == 1.5, D(2) == 2, D("0.1") == 0.1, D("1.0") == D("1"), D("1.1") < D("1.2"), D(3) > 2, sorted([D("1.5"), D("0.5"), D("1")]))
print(hash(D("1.5")) == hash(1.5), hash(D(7)) == hash(7), hash(D("0.1")) == hash(D("0.10")))
getcontext().prec = 6
print(D(1) / D(7), D("123456789") + 0, D("1.2345650") * 1)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    print(D(2).sqrt(), D(1) / D(3))
print(D(2).sqrt(), D(16).sqrt(), D("0.25").sqrt(), D("1.44").sqrt())
print(D("3.7").to_integral_value(), round(D("2.5")), round(D("3.14159"), 2), int(D("-3.9")), float(D("1.25")), D("100").normalize(), D("1.500").normalize())
print(D("1.20").as_tuple(), D("123.45").adjusted(), D("-1.5").copy_abs(), -D("1.5"), abs(D("-2")), D("1.5") ** 2, D(2) ** -2)
print(f"{D('1234.5678'):.2f}", f"{D('0.125'):.1%}", f"{D('3.5'):>8}", f"{D('1234567.891'):,.2f}", format(D("-1.5"), "08.3f"))
print(sum([D("0.1")] * 10), sum([D("0.1")] * 10) == D(1), D("0.1") * 3 == D("0.3"))
for f in [lambda: D(1) / D(0), lambda: D(0) / D(0), lambda: D("abc"), lambda: D("1.5") + 1.5]:
    try:
        f()
    except (InvalidOperation, DivisionByZero, TypeError) as e:
        print(type(e).__name__, isinstance(e, ArithmeticError))
print(isinstance(DivisionByZero(), ZeroDivisionError), getcontext().prec, getcontext().rounding)
try:
    D("1.2.3")
except InvalidOperation as e:
    print(e)
try:
    D(0) / 0
except InvalidOperation as e:
    print(e)
print(D("0.1") + D("0.2"), D("1.30") + D("1.20"), D("1e-30") * D("1e-30"), D("9.99") + D("0.01"), D("-0") + D("0"))
getcontext().rounding = ROUND_HALF_UP
print(D(2) / D(3), D("1.005").quantize(D("0.01")))
getcontext().rounding = decimal.ROUND_HALF_EVEN
