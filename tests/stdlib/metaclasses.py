class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["added"] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("Meta.__init__", name)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    def hello(cls):
        return "hello from " + cls.__name__

class A(metaclass=Meta):
    x = 1
    def __init__(self, v):
        self.v = v

a = A(3)
print(a.v, A.added, A.hello(), type(A), type(A).__name__, isinstance(A, Meta), isinstance(A, type))

class B(A):
    pass
print(type(B), B.added)
b = B(4)

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class C1(Base, tag="one"): pass
class C2(Base): pass
print(Base.subs)

T = type("T", (object,), {"a": 5, "f": lambda self: self.a * 2})
t = T()
print(T.__name__, t.a, t.f(), T)
U = type("U", (T,), {})
print(U().f(), U.__mro__)
print(type(3), type("x") is str)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self): print("init S")
print(S() is S())

from abc import ABCMeta, abstractmethod
class I(metaclass=ABCMeta):
    @abstractmethod
    def f(self): ...
class J(I):
    def f(self): return 1
print(J().f())
try:
    I()
except TypeError as e:
    print("TypeError", e)

class M2(type):
    def __repr__(cls):
        return "<M2 " + cls.__name__ + ">"
    def __len__(cls): return 42
    def __getitem__(cls, k): return (cls.__name__, k)
    def __iter__(cls): return iter([1,2])
class Z(metaclass=M2): pass
print(repr(Z), len(Z), Z[3], list(Z))
class Pp(metaclass=M2):
    @classmethod
    def __prepare__(mcs, name, bases): return {}
print(Z.__class__, M2.__mro__)

class Counting(type):
    count = 0
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        d = {"prepared_for": name}
        return d
    def __new__(mcs, name, bases, ns, **kw):
        Counting.count += 1
        return type.__new__(mcs, name, bases, ns)
    @property
    def label(cls):
        return "label:" + cls.__name__
class P1(metaclass=Counting): pass
class P2(P1): pass
print(P1.prepared_for, P2.prepared_for, Counting.count, P2.label, P2.__class__.__name__)
class OtherMeta(type): pass
try:
    class Bad(P1, metaclass=OtherMeta): pass
except TypeError as e:
    print("TypeError", e)
try:
    class K(object, flavour=1): pass
except TypeError as e:
    print("TypeError", e)
class Registry(type):
    classes = {}
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes[name] = cls
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
class Duck(metaclass=Registry): pass
class Robot:
    quack = True
print(sorted(Registry.classes), isinstance(Robot(), Duck), isinstance(3, Duck), isinstance(Duck(), Duck))
def meta_fn(name, bases, ns):
    ns["via"] = "function"
    return type(name, bases, ns)
class F(metaclass=meta_fn): pass
print(F.via, type(F))
print(type(type), type.__name__, isinstance(type, type), A.mro(), B.mro())
