from typing import NamedTuple, Optional, List, Dict, Any, Tuple, Union, Callable, Iterator, Final, Literal
import functools, itertools, operator, heapq, bisect, string, copy, array
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm(), p._replace(y=1), Point._fields, p._asdict(), Point(1))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), V(1) <= V(2), V(3) >= V(2), V(1) > V(0))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info())
print(functools.reduce(operator.mul, range(1, 10)), functools.partial(pow, 2)(10))
print(list(itertools.accumulate([1,2,3,4])), list(itertools.permutations("abc", 2))[:4], list(itertools.product([0,1], repeat=2)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.islice(itertools.cycle("xy"), 5)), list(itertools.chain.from_iterable([[1],[2,3]])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest([1,2],[3], fillvalue=0)), list(itertools.starmap(pow, [(2,3)])))
print(list(itertools.takewhile(lambda x: x<3, [1,2,3,1])), list(itertools.dropwhile(lambda x: x<3, [1,2,3,1])), list(itertools.compress("abc", [1,0,1])))
print(list(itertools.pairwise([1,2,3])) if hasattr(itertools, "pairwise") else None, list(itertools.tee([1,2])[1]), list(itertools.filterfalse(None, [0,1,0,2])))
h = []
for x in [5, 1, 4, 2]: heapq.heappush(h, (x, str(x)))
print(heapq.heappop(h), heapq.nsmallest(2, [5,1,4]), heapq.nlargest(2, [5,1,4], key=lambda x: -x), list(heapq.merge([1,3],[2,4])))
print(bisect.bisect_left([1,2,4], 3), bisect.insort([1,2,4], 3), operator.attrgetter("x", "y")(p), operator.itemgetter(1, 0)("ab"), operator.methodcaller("upper")("q"))
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), string.ascii_letters[:5], string.digits, string.punctuation[:5])
a = array.array("d", [1.0, 2.0]); a.append(3.5); print(a, a.tolist(), sum(a), array.array("i", range(3)), a.typecode, a.itemsize)
b = array.array("B", b"abc"); print(b, b.tobytes(), len(b))
class Tree:
    def __init__(self): self.kids = [1, [2, 3]]
t2 = copy.deepcopy(Tree()); print(t2.kids, copy.copy([1, [2]]))
print(f"{1234567.891:,.2f} {0.5:%} {42:#x} {42:08b} {'x':>5} {3.14159:.3g} {-5:+d} {1e20:g} {12345:_}")
print("%5.2f|%-6s|%03d|%x|%e|%r" % (3.14159, "ab", 7, 255, 12345.678, "q"))
print(divmod(-7, 2), round(2.5), round(3.5), round(1.2345, 2), int("ff", 16), hex(255), oct(8), bin(5), abs(-3.5), pow(3, 4, 5))
print(sorted({"b": 2, "a": 1}.items(), key=operator.itemgetter(1), reverse=True), max("abc", key=ord), min([], default=None))
print(any(x > 2 for x in [1, 3]), all([]), sum([0.1]*10), list(map(lambda x, y: x+y, [1,2], [3,4])), list(zip(*[(1,2),(3,4)])))
print(isinstance(True, int), issubclass(bool, int), callable(len), getattr(p, "x"), hasattr(p, "z"), vars(Tree())["kids"] if True else 0)
print(str(b"abc", "ascii"), bytes([65]), b"a" * 3, "a,b".split(","), "x".join("abc"), " A ".strip().lower(), "abc"[::-1], "Hello".swapcase())
print(sorted(set("hello")), frozenset([1,2]) | {3}, {1,2} ^ {2,3}, {i: i*i for i in range(3)}, [*range(3), *"ab"], {**{"a": 1}, "b": 2})
