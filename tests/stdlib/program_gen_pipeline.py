def producer(n):
    for i in range(n):
        yield i

def filt(src, pred):
    for x in src:
        if pred(x):
            yield x

def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

def delegator():
    result = yield from acc()
    yield "done %d" % result

def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)

print(sum(filt(producer(1000), lambda x: x % 7 == 3)))
g = delegator()
next(g)
for v in (5, 10, 20):
    print(g.send(v))
print(g.send(None))
print(list(tree(4)), sum(1 for _ in tree(12)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 90, 93)), list(itertools.takewhile(lambda x: x < 100, fib())))
g2 = (x * x for x in range(5))
print(next(g2), list(g2), list(g2))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closer(); next(c); c.close()
def thrower():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
t = thrower(); next(t); t.throw(ValueError("boom")); t.throw(ValueError("again"))
