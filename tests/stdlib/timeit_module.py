import timeit

calls = []


def work():
    calls.append(1)


t = timeit.timeit(work, number=7)
print(type(t).__name__, t >= 0, len(calls))
calls.clear()
r = timeit.repeat(work, repeat=3, number=4)
print(len(r), all(x >= 0 for x in r), len(calls))
x = timeit.timeit("y = [i * i for i in range(10)]", setup="k = 3", number=5)
print(x >= 0)
g = {"counter": [0]}
timeit.timeit("counter[0] += 1", number=6, globals=g)
print(g["counter"][0])
tm = timeit.Timer("a + b", setup="a = 1\nb = 2")
print(len(tm.repeat(repeat=2, number=10)))
import itertools
ticks = itertools.count()
fake = timeit.Timer(work, timer=lambda: next(ticks))
print(fake.timeit(number=3))
seen = []
n, taken = timeit.Timer(work, timer=lambda: next(ticks) * 0.25).autorange(lambda n, t: seen.append(n))
print(seen)
print(n, taken > 0)
print(timeit.default_timer() > 0)
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError", e)
