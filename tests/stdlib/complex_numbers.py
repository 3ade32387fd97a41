"""complex: literals, constructor forms, arithmetic with ints and floats, repr, hash, errors."""
import math

z = 3 + 4j
print(z, repr(z), type(z).__name__, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(1j, -1j, 2.5j, 0j, 1e3j, 10j * 10j, 1j ** 2, (1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 4j))
print(complex(), complex(2), complex(2.5, -1), complex("1+2j"), complex(" (3-4.5j) "), complex("-j"), complex("5"), complex("1e3J"))
print(complex(1 + 2j, 3 + 4j), complex(real=1, imag=2), complex(True), complex(0.0, -0.0), complex(-0.0, 0.0))
print(z + 1, 1 + z, z - 2.5, 2.5 - z, 2 * z, z * 0.5, 1 / z, z / 2, z ** 2, 2 ** z, z ** 0.5, z ** -1, (0j) ** 0)
print(z == 3 + 4j, z != 3 + 4j, (2 + 0j) == 2, (2 + 0j) == 2.0, 2 == 2 + 0j, z == 3, 1j == 1j * 1)
print(hash(2 + 0j) == hash(2), hash(1.5 + 0j) == hash(1.5), hash(z) == hash(complex(3, 4)), bool(0j), bool(1j))
print({1j: "a", 2: "b"}[1j], {2 + 0j: "two"}.get(2), sorted([3 + 0j, 1 + 0j], key=abs), sum([1j, 2, 3.5]))
print(complex(float("inf"), float("nan")), complex(1e300, 1e300) * 10, complex(-1.5, 0), complex(0, -2))
print(isinstance(z, complex), isinstance(1, complex), issubclass(complex, object), f"{z}", str(1 + 1j), "%s" % z)
print(format(1 + 2j, ".2f"), format(-1.5 - 0.25j, "+.1e"), format(3j, ""), f"{2 - 3j!r:>12}|")
print([x * 1j for x in range(3)], list(map(abs, [3j, 4 + 3j])), max([1j, 2j], key=lambda c: c.imag))
print(z.__class__ is complex, complex.__name__, type(1j) is type(complex(0, 1)))
for bad in ["1+", "j1", "1+2", "", "1 + 2j", None, [1]]:
    try:
        complex(bad)
        print("no error", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for op in [lambda: 1j / 0, lambda: 1j < 2j, lambda: 1j // 2, lambda: 0j ** -1, lambda: int(1j), lambda: math.sqrt(1j)]:
    try:
        op()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
import cmath
for z in (1 + 2j, -3 + 0.5j, 0.9 + 0.3j, -2, 2j):
    print(cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z), cmath.sin(z), cmath.tanh(z))
print(cmath.rect(2, 0.5), cmath.log(8, 2), cmath.log10(100j), cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isnan(cmath.nanj), cmath.pi == math.pi)
