import math
class F(float):
    def half(self):
        return self / 2
    def __repr__(self):
        return f"F({float(self)!r})"
class Money(float):
    unit = "EUR"
    def __str__(self):
        return f"{float(self):.2f} {self.unit}"
f = F(3.5)
print(type(f).__name__, isinstance(f, float), f.half(), f + 1, 1 + f, f * f, -f, abs(F(-2.0)), f ** 2, 2 ** F(3.0))
print(repr(f), str(F(1.5)) == "F(1.5)", f == 3.5, f < 4, f >= F(3.5), hash(f) == hash(3.5), {3.5: "x"}[f], bool(F(0.0)))
print(type(f + 1).__name__, type(-f).__name__, int(f), float(f), type(float(f)).__name__, round(F(2.675), 2), round(f), math.floor(f), math.sqrt(F(16.0)))
print(f"{f:.3f}", "%.1f" % f, format(f, "e"), f.is_integer(), F(4.0).is_integer(), f.as_integer_ratio(), divmod(F(7.0), 2), F(7.0) // 2, F(7.5) % 2)
m = Money(12.5)
m.note = "cash"
print(m, repr(m), m.note, m + 1, m.unit, sorted([Money(3), F(1), 2.0]), max(F(1.0), F(2.0)), sum([F(1.5), F(2.5)]))
print(F("2.5"), F(), F(7), type(F(7)).__name__, F("inf") > 1e308, math.isnan(F("nan")))
