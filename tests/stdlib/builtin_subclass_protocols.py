# What library code (unittest.mock, email, ipaddress) expects of builtin types and their
# subclasses: __call__ and __eq__ on a tuple subclass, isinstance through a __class__ property,
# dir() through __dir__, list/dict/set subclasses with their own __init__, str.translate with
# list and object tables, bytes(text, encoding), raw_unicode_escape, __doc__ without docstring.


class Call(tuple):
    def __call__(self, *args):
        return Call(self + args)

    def __eq__(self, other):
        return tuple(self) == tuple(other)[-len(self):]

    __ne__ = object.__ne__


c = Call((1,))
print(c(2, 3), callable(c), callable((1,)), c == (0, 1), c != (0, 1), c == (2,), (0, 1) == c)
print([Call((5,))] == [(4, 5)], Call((5,)) in [(9, 5)], {"k": Call((1,))} == {"k": (7, 1)})


class Thing:
    pass


class Pretender:
    @property
    def __class__(self):
        return Thing


p = Pretender()
print(isinstance(p, Thing), isinstance(p, Pretender), type(p).__name__, isinstance(p, (int, Thing)))


class Listing:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Listing()))


class Accumulator(list):
    def __init__(self, size=0, *items):
        self.size = size
        super().__init__(items)


a = Accumulator(7)
b = Accumulator(2, "x", "y")
print(a, a.size, b, b.size, len(b), isinstance(b, list))


class Registry(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name


r = Registry("reg", one=1)
print(r, r.name)


class Tags(set):
    def __init__(self, label, items=()):
        super().__init__(items)
        self.label = label


t = Tags("t", [3, 1, 3])
print(sorted(t), t.label)


class Plain(list):
    pass


print(Plain("ab"), Plain(), list.__init__ is not object.__init__)
table = ["=%02X" % i for i in range(256)]
for ch in b"abc ":
    table[ch] = chr(ch)
print("abc \xe9\xff\u2603".translate(table))


class Upper:
    def __getitem__(self, code):
        if 97 <= code <= 122:
            return code - 32
        if code == 32:
            return None
        raise LookupError(code)


print("hello world!".translate(Upper()), "abc".translate({97: "A", 98: None}))
print(bytes("caf\xe9", "latin-1"), bytes("caf\xe9", encoding="utf-8"), bytes("x\u2603", "ascii", "replace"))
for bad in (lambda: bytes("text"), lambda: bytes("\u2603", "ascii")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
print("\xe9\u2603\U0001f600".encode("raw_unicode_escape"), b"a\\u00e9\\\\u2603\xff".decode("raw-unicode-escape"))
print(b"abc\xff".decode("ascii", "surrogateescape").encode("ascii", "surrogateescape"))


class NoDoc:
    pass


class WithDoc:
    "documented"


print(NoDoc.__doc__, NoDoc().__doc__, WithDoc().__doc__)
