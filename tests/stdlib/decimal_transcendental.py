from decimal import Decimal as D, getcontext, localcontext, InvalidOperation, ROUND_DOWN, ROUND_CEILING

for x in ["1", "0", "2", "0.5", "10", "1E+5", "-3", "123.456", "1.0000000001", "0.001", "7.25E-8"]:
    for f in ("exp", "ln", "log10"):
        try:
            print(x, f, repr(getattr(D(x), f)()))
        except InvalidOperation:
            print(x, f, "InvalidOperation")
for a, b in [("1", "0.5"), ("4", "0.5"), ("2.25", "0.5"), ("2", "0.5"), ("8", "0.333"), ("10", "-1.5"),
             ("0", "0.5"), ("0", "-0.5"), ("1.0001", "2.5"), ("27", "0.3333333333333333333333333333"),
             ("16", "0.25"), ("2", "1.5"), ("3.7", "-2.2"), ("0.5", "Infinity"), ("2", "-Infinity")]:
    print(a, "**", b, repr(D(a) ** D(b)))
try:
    D(-2) ** D("0.5")
except InvalidOperation:
    print("negative ** fraction: InvalidOperation")
for prec in (5, 50):
    with localcontext() as ctx:
        ctx.prec = prec
        print(prec, D(2).ln(), D(1).exp(), D(7).log10(), D("12.5") ** D("0.7"), D(3).sqrt())
with localcontext() as ctx:
    ctx.prec = 6
    ctx.rounding = ROUND_DOWN
    print(D(2) ** D("0.5"), D("12.5") ** D("0.7"), D(2).exp())
    ctx.rounding = ROUND_CEILING
    print(D(2) ** D("0.5"), D("12.5") ** D("0.7"), D(2).exp())
print(getcontext().exp(D(1)), getcontext().ln(D(10)), getcontext().log10(D("0.01")), getcontext().power(D(3), D("1.5")))
