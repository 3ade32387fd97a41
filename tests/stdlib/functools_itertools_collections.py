import functools, itertools, collections
from functools import total_ordering, singledispatch, lru_cache, partial, reduce, wraps, cached_property
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)])[0].v)
@singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register(list)
def _(x: list): return "list"
print(show(1), show([1]), show("s"), show(True))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), partial(pow, 2)(10), reduce(lambda a, b: a * b, range(1, 6)), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): return x * x
print([sq(i) for i in (1, 2, 1, 3, 2)], sq.cache_info())
@functools.cache
def tri(n): return n + tri(n - 1) if n else 0
print(tri(50))
def deco(f):
    @wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named(): "doc"
print(named.__name__, named.__doc__)
class C:
    @cached_property
    def val(self):
        print("computing"); return 42
c = C(); print(c.val, c.val)
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.filterfalse(None, [0, 1, 2])), list(itertools.compress("abc", [1, 0, 1])), list(itertools.pairwise("abcd")))
print(list(itertools.combinations_with_replacement("ab", 2)), [list(t) for t in itertools.tee([1, 2], 2)])
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.chain([1], (2,))))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], "b" in cm)
ud = collections.UserDict(a=1); ud["b"] = 2; print(sorted(ud.items()), len(ud))
ul = collections.UserList([3, 1]); ul.append(2); ul.sort(); print(ul, len(ul))
print(collections.Counter("abca").most_common(1), list(collections.deque([1, 2])), dict(collections.OrderedDict(a=1)))
class Typed:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int): raise TypeError("int wanted")
        setattr(obj, self.name, value)
class Holder:
    n = Typed()
h = Holder(); h.n = 5
try:
    h.n = "x"
except TypeError as e:
    print(e)
print(h.n, h._n, type(Holder.n).__name__)
