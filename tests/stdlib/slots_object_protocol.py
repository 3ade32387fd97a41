# __slots__: undeclared attributes are refused, instances have no __dict__; inheritance keeps
# a __dict__ unless every class declares __slots__; object's own methods read from the class.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = "z"


class Open(P):
    pass


class WithDict:
    __slots__ = ("a", "__dict__")


p = P(1, 2)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "__dict__"), p.x + p.y, P.__slots__)
q = Q(3, 4)
q.z = 5
print(q.x, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError", e)
o = Open(1, 2)
o.extra = 9
print(o.extra, o.__dict__['extra'], o.x)
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__['b'])
try:
    print(P(1, 2).missing)
except AttributeError as e:
    print("AttributeError", e)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError", e)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return object.__hash__(self) if self.k is None else hash(self.k)


k = Key(None)
print(hash(k) == object.__hash__(k), object.__eq__(k, k), object.__eq__(k, Key(None)) is NotImplemented)
print(object.__repr__(k).startswith("<__main__.Key object at 0x"), object.__str__(5), object.__format__(k, "") == object.__repr__(k))


class Child(Key):
    def __hash__(self):
        return super().__hash__()


print(hash(Child(3)) == hash(3))
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise KeyError(2) from None
except KeyError as e:
    print(e.__suppress_context__, repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise KeyError(2)
except KeyError as e:
    print(e.__suppress_context__, repr(e.__context__))
e = OSError(13, "Permission denied")
print(e, e.errno, e.strerror, e.filename, OSError("x").errno, str(OSError(1, "two", "three")))
try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.filename, e)
