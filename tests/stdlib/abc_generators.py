from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized, Callable, MutableMapping
from abc import ABC, abstractmethod
print(isinstance([], Iterable), isinstance([], Iterator), isinstance(iter([]), Iterator), isinstance({}, Mapping))
print(isinstance((1,), Sequence), isinstance({}, Sequence), isinstance("s", Sized), isinstance(len, Callable), issubclass(dict, MutableMapping))
class Box:
    def __len__(self): return 3
    def __iter__(self): return iter([1, 2, 3])
print(isinstance(Box(), Sized), isinstance(Box(), Iterable), isinstance(Box(), Iterator))
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def area(self): return 4
print(Sq().area(), isinstance(Sq(), Shape))
class Seq(Sequence):
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
s = Seq(); print(list(s), 20 in s, s.index(20), s.count(10), list(reversed(s)))
def inner():
    x = yield 1
    return x * 2
def outer():
    r = yield from inner()
    yield r
g = outer(); print(next(g), g.send(21))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
class P:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.v = v * 2
        return o
    def __init__(self, v):
        self.w = v
p = P(5); print(p.v, p.w)
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self): return self[0] + self[1]
t = T(1, 2); print(t, t.total(), type(t).__name__, isinstance(t, tuple))
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(Base.registry, NotImplemented)
