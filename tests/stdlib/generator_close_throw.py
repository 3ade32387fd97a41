def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        yield 3
    finally:
        print("outer finally")

g = outer()
print(next(g))
g.close()
print("closed")
for x in outer():
    print(x)
    break
print("after break")
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
def wrap():
    x = yield from thrower()
    yield x
w = wrap()
print(next(w))
print(w.throw(ValueError("boom")))
