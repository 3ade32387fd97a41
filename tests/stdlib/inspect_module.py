import inspect, functools

def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Do things.

    More detail here.
    """
    return "ok"

def g(x, y=1, /, z=3):
    yield x

async def co():
    pass

class Base:
    """Base docstring."""
    def __init__(self, p, q=0):
        self.p = p
    def method(self, m, *, n=1):
        return m
    @classmethod
    def cm(cls, k):
        return k
    @staticmethod
    def sm(s, t=1):
        return s
    @property
    def prop(self):
        return 1

class Child(Base):
    def method(self, m, *, n=1):
        return m

sig = inspect.signature(f)
print(sig, sig.return_annotation)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.name, p.default if p.default is not p.empty else "<empty>", p.annotation, repr(p))
print(inspect.signature(g), inspect.signature(Base), inspect.signature(Base.method))
print(inspect.signature(Base(1).method), inspect.signature(Base.cm), inspect.signature(Base.sm))
print(inspect.signature(lambda a, *b: 0), inspect.signature(functools.partial(f, 1, c=3)))
@functools.wraps(f)
def wrapper(*args, **kwargs):
    return f(*args, **kwargs)
print(inspect.signature(wrapper), wrapper.__name__)
ba = sig.bind(1, c=5, e=6)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
for bad in [(), (1, 2, 3)]:
    try:
        inspect.signature(g).bind(*bad, q=1)
    except TypeError as e:
        print("TypeError:", e)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len), inspect.isclass(Base), inspect.isclass(f))
print(inspect.ismethod(Base(1).method), inspect.ismethod(Base.method), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(g), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(co), inspect.isgenerator(g(1)))
c = co(); print(inspect.iscoroutine(c), inspect.isawaitable(c)); c.close()
print(inspect.getdoc(f))
print(inspect.getdoc(Child.method) is None, inspect.getdoc(Child))
print(inspect.cleandoc("  first\n      indented\n    less\n"))
names = [n for n, v in inspect.getmembers(Child) if not n.startswith("__")]
print(names)
print([n for n, v in inspect.getmembers(Base(1), inspect.ismethod)])
print(inspect.getmodule(f).__name__, inspect.getmro(Child)[1].__name__)
print(inspect.getsource(f).splitlines()[0], len(inspect.getsource(Base).splitlines()))
spec = inspect.getfullargspec(f)
print(spec.args, spec.varargs, spec.varkw, spec.defaults, spec.kwonlyargs, spec.kwonlydefaults)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=1))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
try:
    inspect.signature(1)
except TypeError as e:
    print("TypeError:", e)
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_name)
print(g.__code__.co_posonlyargcount, bool(g.__code__.co_flags & inspect.CO_GENERATOR))
