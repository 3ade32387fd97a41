"""locals() in a function returns the same dict on each call, brought up to date (CPython 3.11
and 3.12); .real/.imag/.numerator on floats, ints and their subclasses (with a user __new__);
__builtins__ at module level."""


def f():
    a = 1
    d = locals()
    b = 2
    print(sorted(d), "b" in d)
    d2 = locals()
    print(d is d2, sorted(d), d["b"])
    d["extra"] = 5
    del a
    d3 = locals()
    print(d3 is d, sorted(d3))
    return d


def outer():
    x = 10

    def inner():
        y = x + 1
        first = locals()
        z = y + 1
        return first is locals(), sorted(first.items())

    return inner()


print(sorted(f()))
print(outer())


def counter():
    snap = None
    for i in range(3):
        snap = locals()
    return snap["i"], sorted(snap)


print(counter())


class Meters(float):
    def __new__(cls, value, unit="m"):
        self = super().__new__(cls, value * (1000 if unit == "km" else 1))
        self.unit = unit
        return self

    def __repr__(self):
        return "Meters(%s)" % float.__repr__(self)


m = Meters(1.5, "km")
print(m, m.unit, m + 1, type(m + 1).__name__, m.real, type(m.real).__name__, m.imag, m.is_integer())
print((2.5).real, (2.5).imag, (3).real, (3).imag, True.real, True.imag, (7).numerator, (7).denominator)
print((2.5).conjugate(), (3).conjugate(), (-0.0).real, float("inf").imag)


class Count(int):
    def __new__(cls, v):
        return super().__new__(cls, v + 1)


c = Count(4)
print(c, c.real, type(c.real).__name__, c.imag, c.numerator, c.denominator, type(c).__name__)
print(sum(x.real for x in [1, 2.5, Count(1), Meters(2)]))

import builtins
print(__builtins__ is builtins, __builtins__.len("abc"), getattr(__builtins__, "max")(3, 4))
print(type(__builtins__).__name__, "__builtins__" in globals())

# bytes %-formatting (log lines, wire formats)
print(b"a%db" % 5, b"%s-%d" % (b"x", 3), b"%05.1f|%x|%r|%%" % (2.25, 255, "q"), bytearray(b"%d") % 7)
print(b"%(a)s=%(n)d" % {b"a": b"v", b"n": 3}, b"%-4s|" % b"ab", b"%c%c" % (65, b"B"))
