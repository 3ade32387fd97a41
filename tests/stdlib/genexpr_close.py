# A generator expression left early (any, all, next, break) or closed by hand ends quietly: the
# values it took are all there is, its source is closed as it is dropped, and one closed ends.
def source(tag, n):
    try:
        for i in range(n):
            print(tag, "gives", i)
            yield i
    finally:
        print(tag, "closed")

print(any(x > 1 for x in source("any", 5)))
print(all(x < 2 for x in source("all", 5)))
print(next(x * 10 for x in source("next", 5) if x == 3))
for v in (x + y for x in source("outer", 3) for y in source("inner", 3)):
    if v == 2:
        break
print("after break")

g = (c.upper() for c in "abc")
print(next(g))
g.close()
print(list(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

g = (i for i in range(5))
next(g)
try:
    g.throw(ValueError("into the expression"))
except ValueError as e:
    print("ValueError:", e)
print(list(g))

nested = ((a, b) for a in range(3) for b in (x for x in source("deep", 4)))
print(next(nested), next(nested))
del nested
print("dropped")

def finds(rows):
    return [any(v > 7 for v in row) for row in rows]
print(finds([[1, 2, 9], [3, 4], [8]]))
print(sum(1 for _ in range(10000) if any(True for _ in (1, 2))))
