import asyncio, contextlib, operator, sys, io
async def leaf(i):
    await asyncio.sleep(0)
    return i * 2
async def tree(depth):
    if depth == 0:
        return await leaf(1)
    results = await asyncio.gather(*(tree(depth - 1) for _ in range(2)))
    return sum(results)
print(asyncio.run(tree(4)))
@contextlib.contextmanager
def tag(name, out):
    out.append("<" + name + ">")
    try:
        yield name
    finally:
        out.append("</" + name + ">")
out = []
with tag("a", out), tag("b", out) as t:
    out.append(t)
print(out)
with contextlib.suppress(KeyError):
    {}["x"]
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
class Vec:
    def __init__(self, *c): self.c = c
    def __add__(self, o): return Vec(*map(operator.add, self.c, o.c))
    def __mul__(self, k): return Vec(*(x * k for x in self.c))
    __rmul__ = __mul__
    def __neg__(self): return Vec(*(-x for x in self.c))
    def __abs__(self): return sum(x * x for x in self.c) ** 0.5
    def __getitem__(self, i): return self.c[i]
    def __len__(self): return len(self.c)
    def __iter__(self): return iter(self.c)
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __repr__(self): return "Vec%r" % (self.c,)
    def __bool__(self): return any(self.c)
    def __contains__(self, x): return x in self.c
    def __lt__(self, o): return abs(self) < abs(o)
v = Vec(1, 2) + Vec(3, 4)
print(v, 2 * v, -v, abs(Vec(3, 4)), v[1], len(v), list(v), v == Vec(4, 6), {v: 1}[Vec(4, 6)], bool(Vec(0, 0)), 6 in v, max(Vec(1, 1), Vec(0, 5)))
class Lazy:
    def __init__(self): self.loaded = {}
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        self.loaded[name] = len(name)
        return len(name)
l = Lazy(); print(l.alpha, l.be, sorted(l.loaded), getattr(l, "_x", "default"))
class Temp:
    def __init__(self): self._c = 0
    @property
    def f(self): return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v): self._c = (v - 32) * 5 / 9
t = Temp(); t.f = 212; print(t._c, t.f)
d = {"a": 1, "b": 2, "c": 3}
print(d.keys() & {"a", "c"} == {"a", "c"}, list(d.items())[-1], d.pop("b"), d.setdefault("z", 9), d, dict.fromkeys("xy", 0), d | {"q": 1})
print(sorted([(1, "b"), (1, "a")], key=operator.itemgetter(0)), "a-b_c d".title(), "x".center(5, "*"), "ab".ljust(4, ".") + "|", "tab\tx".expandtabs(4))
print("%.3e %g %G %5.1f%%" % (12345.6789, 0.00001234, 1e-10, 99.44), "{:,}".format(10**9), "{:e}".format(0.0), "{:.0f}".format(2.5), format(1e16, ".3g"))
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"), (255).bit_length(), (-7) // 2, -7 % 3, 7 ** -1, 2 ** 100 % 1000, (10).__add__(5))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.args)
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in g():
    break
print(sys.version_info >= (3, 8), sys.maxsize > 2**31, type(sys.stdout).__name__ != "", sys.argv[0].endswith(".py"))
