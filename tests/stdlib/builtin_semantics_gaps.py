"""Builtin semantics that real programs rely on: hasattr on builtin dunders,
iter() of list subclasses, IntFlag members as ints, exec/eval namespaces, random.seed(str),
zip(strict=True), argument count and keyword errors of builtins."""
import enum
import random


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)


show("hasattr builtin dunders", lambda: (hasattr(1, "__add__"), hasattr([], "__iter__"), hasattr("", "__len__"),
                                         hasattr(object(), "__eq__"), hasattr(3, "__index__"), hasattr(1.0, "__index__"),
                                         hasattr({}, "__getitem__"), hasattr((), "__contains__"), hasattr(1.5, "__float__"),
                                         hasattr([], "__hash__"), hasattr(len, "__call__"), hasattr(str, "__mro__")))
show("builtin dunder calls", lambda: ((5).__add__(2), (5).__radd__(1), [1, 2].__len__(), "ab".__contains__("a"), {1: 2}.__getitem__(1), (2.0).__mul__(3), (7).__mod__(3), "x".__add__("y"), (3).__neg__(), [3].__getitem__(0), (1).__eq__(1), (1).__lt__(2)))


class L(list):
    def __iter__(self):
        return iter([9, 9])


class T(tuple):
    def __iter__(self):
        yield "t"


show("list subclass iter", lambda: (list(iter(L([1, 2]))), [x for x in L([1])], list(L([1, 2, 3])), sorted(L([3, 1])), tuple(T((1, 2))), [y for y in T((5,))]))
show("list subclass len/index", lambda: (len(L([1, 2, 3])), L([1, 2])[1], sum(L([1, 2])), max(L([4, 5]))))


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


show("intflag", lambda: (Perm.R | Perm.W, int(Perm.R | Perm.W), (Perm.R | Perm.W) + 1, isinstance(Perm.R, int), Perm.R == 4, str(Perm.R), repr(Perm.R | Perm.W)))
show("intflag ops", lambda: (Perm.R & 4, Perm.R | 1, ~Perm.R, Perm.W in (Perm.R | Perm.W), list(Perm.R | Perm.X), Perm(6), Perm.R * 2, {4: "r"}[Perm.R], sorted([Perm.R, Perm.X, 3]), hex(Perm.R), f"{Perm.W:03b}"))
d = {}
exec("x = 5\ny = x + 1", {}, d)
show("exec locals", lambda: sorted(d.items()))
g = 42


def f():
    return eval("g + 1")


def h():
    exec("global g2\ng2 = g * 2")
    return g2


show("eval caller globals", f)
show("exec caller globals", h)
show("globals() is module", lambda: globals()["g"])
random.seed("hello")
show("seed str", lambda: (random.random(), random.randint(1, 100)))
random.seed(b"hello")
show("seed bytes", lambda: random.random())
random.seed(bytearray(b"xyz"))
show("seed bytearray", lambda: random.random())
show("Random(str)", lambda: random.Random("abc").random())
show("zip strict short", lambda: list(zip([1, 2], [3], strict=True)))
show("zip strict long", lambda: list(zip([1], [3, 4], strict=True)))
show("zip strict 3 short", lambda: list(zip([1, 2], [3, 4], [5], strict=True)))
show("zip strict 3 long", lambda: list(zip([1], [3], [5, 6], strict=True)))
show("zip strict ok", lambda: list(zip([1, 2], [3, 4], strict=True)))
show("split args", lambda: 'abc'.split(',', 1, 2))
show("rsplit args", lambda: 'abc'.rsplit(',', 1, 2))
show("print kw", lambda: print(1, foo=2))
show("max kw", lambda: max([1], bar=2))
show("bytes.hex sep", lambda: (b"\x01\x02\x03\x04\x05".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(" ", -2), bytearray(b"ab").hex()))
show("bytes.hex bad sep", lambda: b"ab".hex("::"))
