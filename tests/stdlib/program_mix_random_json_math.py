import random, json, sys, math, gc, time, collections
r = random.Random(42)
print(r.random(), r.randint(1, 10), r.choice("abcdef"), r.randrange(0, 100, 5), r.sample(range(10), 3), r.uniform(1, 2))
x = list(range(10)); r.shuffle(x); print(x, r.getrandbits(16), r.gauss(0, 1) if hasattr(r, "gauss") else 0)
random.seed(5); print(random.random(), random.choices("ab", k=3), random.randbytes(4) if hasattr(random, "randbytes") else b"")
data = {"a": [1, 2.5, None, True], "b": {"c": "é\n", "d": []}, "e": 10**20}
s = json.dumps(data, sort_keys=True, indent=2); print(s); print(json.loads(s) == data, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
class Strength:
    REQUIRED = None
    STRONG_PREFERRED = None
    def __init__(self, strength, name):
        self.strength, self.name = strength, name
    @classmethod
    def stronger(cls, s1, s2): return s1.strength < s2.strength
    def next_weaker(self): return (Strength.WEAKEST, Strength.WEAK_DEFAULT, Strength.STRONG_PREFERRED)[self.strength % 3]
Strength.REQUIRED = Strength(0, "required")
Strength.STRONG_PREFERRED = Strength(1, "strongPreferred")
Strength.WEAK_DEFAULT = Strength(5, "weakDefault")
Strength.WEAKEST = Strength(6, "weakest")
print(Strength.stronger(Strength.REQUIRED, Strength.WEAKEST), Strength.REQUIRED.next_weaker().name)
class Base:
    def __init__(self, v): self.v = v
    def run(self): return self.v
class Derived(Base):
    def __init__(self, v):
        super(Derived, self).__init__(v * 2)
    def run(self): return super().run() + 1
print(Derived(5).run(), gc.collect() >= 0, isinstance(time.perf_counter(), float), sys.getrecursionlimit())
def coro():
    total = 0
    while True:
        x = yield total
        if x is None: break
        total += x
c = coro(); next(c); print(c.send(3), c.send(4))
def gen_tree(n):
    if n == 0:
        yield 0
        return
    yield from gen_tree(n - 1)
    yield n
print(sum(gen_tree(50)), list(gen_tree(3)))
print(math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3]), math.isqrt(99), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10))
print(math.inf > 1e308, math.copysign(1, -0.0), math.frexp(8.0), math.ldexp(0.5, 4), math.trunc(-2.5), math.floor(-2.5), math.ceil(2.1), math.log(8, 2), math.hypot(3, 4))
od = collections.OrderedDict(a=1, b=2); od.move_to_end("a"); print(od, list(od), collections.Counter("abracadabra").most_common(2))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), dict(cm))
dd = collections.defaultdict(list); dd["k"].append(1); print(dd, dict(dd))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted(["B", "a", "C"], key=str.lower), list(reversed(range(3))), [1, 2, 3][::-2])
print(f"{'nested':{'^'}{10}}|{3.5!r:>6}|{'x'!s}", "{0} {1!r} {k}".format(1, "a", k=[2]), "%(a)s-%(b)d" % {"a": "A", "b": 2})
print(math.frexp(8.0), math.frexp(-0.1), math.ldexp(0.75, 3), math.cbrt(27), math.exp2(3), round(math.lgamma(5), 12), math.erfc(0.5), math.acosh(2), math.asinh(1), math.atanh(0.5), math.remainder(7, 4), math.nextafter(1, 2) > 1, math.ulp(1.0))
try:
    math.atanh(1)
except ValueError as e:
    print("ValueError", e)
