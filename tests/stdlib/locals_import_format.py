import sys

def outer():
    z = 9
    def f(p, q=2, *a, k, **kw):
        a1 = 1
        x = 2
        def g():
            return x + z
        b = 3
        print(sorted(locals()))
        print(locals()["p"], locals()["kw"], "c" in locals())
        c = 5
        return locals()
    return f(1, k=3)
d = outer()
print(list(d)[:5], d["c"], d["z"])

def h():
    y = 1
    snap = locals()
    snap["y"] = 5
    print(y, sorted(vars()), dir())
    exec("print('exec sees', y)")
    print(eval("y + 1"))
h()
print(locals() is globals(), vars() is globals())
class K:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
lam = (lambda v: locals())(4)
print(lam)
def gen():
    n = 1
    yield sorted(locals().items())
    n = 2
    yield sorted(locals().items())
print(list(gen()))
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)

m = __import__("collections.abc")
print(m.__name__, __import__("collections.abc", fromlist=["Mapping"]).__name__)
j = __import__("json", globals(), None, ["dumps"], 0)
print(j.dumps([1]))
col = __import__("collections.abc", fromlist=["*"])
print(col.__name__)
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e.name)
for bad in (1, ""):
    try:
        __import__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
import importlib
print(importlib.import_module("json").dumps({"a": 1}), importlib.import_module("collections.abc").__name__)

print("%*d|%-*s|%.*f|%*.*f" % (5, 42, 6, "ab", 2, 3.14159, 8, 3, 2.5))
print(repr("%*d" % (-5, 42)), repr("%.*f" % (-1, 1.5)), "%-*d|" % (4, 7), "%0*d" % (5, 42))
for args in (("a", 1), (5,)):
    try:
        "%*d" % args
    except TypeError as e:
        print("TypeError:", e)

try:
    r: undefined_thing(lambda: 1)
except NameError as e:
    print("NameError:", e)
x: int
y: "str" = "v"
print(__annotations__)
class A:
    try:
        field: Missing
    except NameError as e:
        print("class NameError:", e)
