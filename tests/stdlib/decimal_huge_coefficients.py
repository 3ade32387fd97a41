# Decimal arithmetic whose intermediate coefficients pass the int-to-str digit limit (4300):
# CPython's decimal never converts them to text, so neither may ours.
from decimal import Decimal, InvalidOperation, getcontext

print(Decimal("1e5000") + Decimal(1))
print(Decimal("1e5000") - Decimal("1e-5000"))
print(Decimal("7e6000") * Decimal("3e-1000"))
print(Decimal("1e5000") / Decimal(3))
print(Decimal("1e9000").sqrt())
print(Decimal("1e5000").adjusted(), Decimal("123e4400").adjusted())
print((Decimal("1e4500") + 1).quantize(Decimal("1e4490")))
try:
    Decimal("1e5000") // Decimal(3)
except InvalidOperation as e:
    print("InvalidOperation", e)
getcontext().prec = 50
print(Decimal(2).sqrt(), Decimal("2e8000") + Decimal("1e-10"))
