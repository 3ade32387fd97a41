"""Telco benchmark style: decimal arithmetic on call records (quantize, rounding, contexts)."""
from decimal import ROUND_HALF_EVEN, ROUND_DOWN, ROUND_HALF_UP, Decimal, getcontext, localcontext, Context
import decimal
import struct
import io


def make_records(n):
    out = io.BytesIO()
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        # packed-decimal-ish: an 8-byte big-endian duration in seconds, odd numbers are "distance" calls
        out.write(struct.pack(">Q", seed % 1000 + (i % 3 == 0)))
    return out.getvalue()


def bench_telco(data):
    getcontext().rounding = ROUND_DOWN
    rates = list(map(Decimal, ('0.0013', '0.00894')))
    twodig = Decimal('0.01')
    Banker = ROUND_HALF_EVEN
    basictax = Decimal("0.0675")
    disttax = Decimal("0.0341")

    values = []
    infil = io.BytesIO(data)
    outfil = io.StringIO()
    start = 0
    sumT = sumB = sumD = Decimal(0)
    while True:
        datum = infil.read(8)
        if datum == b'':
            break
        n, = struct.unpack('>Q', datum)
        calltype = n & 1
        r = rates[calltype]
        p = (r * n).quantize(twodig, rounding=Banker)
        b = (p * basictax).quantize(twodig, rounding=ROUND_DOWN)
        sumB += b
        t = p + b
        if calltype:
            d = (p * disttax).quantize(twodig, rounding=ROUND_DOWN)
            sumD += d
            t += d
        sumT += t
        print(t, file=outfil)
        values.append(t)
    return sumT, sumB, sumD, outfil.getvalue()


data = make_records(500)
sumT, sumB, sumD, text = bench_telco(data)
print(sumT, sumB, sumD, len(text.splitlines()), text.splitlines()[:5])
getcontext().rounding = ROUND_HALF_EVEN
D = Decimal
print(D('1.1') + D('2.2'), D(1) / D(7), D('10') ** 20, D('2').sqrt(), D('1.2345').quantize(D('0.01'), ROUND_HALF_UP))
print(D('-0'), D('1e3'), D('1E+3') + 0, D('0.000001'), D('1e-7'), D('123.4500').normalize(), D(0.1))
print(repr(D('3.14')), str(D('nan')), D('inf') > 10**100, D('1.0') == 1, D('1.5') == 1.5, hash(D('2')) == hash(2))
print(D(7) // D(2), D(-7) // D(2), D(7) % D(-3), divmod(D(7), D(3)), round(D('2.5')), round(D('2.675'), 2))
print(int(D('12.9')), float(D('1.25')), D('1.25').as_tuple(), D('-1.25').copy_abs(), max(D(1), D('1.5')))
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), +D('123.456789'))
ctx = Context(prec=3, rounding=ROUND_DOWN)
print(ctx.divide(D(2), D(3)), ctx.plus(D('9.999')), getcontext().prec)
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
try:
    D('abc')
except decimal.InvalidOperation as e:
    print("InvalidOperation")
print(sum([D('0.1')] * 10), D('3.000').to_integral_value(), D('-2.5').to_integral_value(), f"{D('1234.5678'):.2f}", f"{D('0.5'):%}")
print(D('1.23E-10').adjusted(), D('100').scaleb(2), D(5).compare(D(3)), D('12.34').is_signed(), D('-0').is_zero(), D(2) ** -2)
