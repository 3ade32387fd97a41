"""weakref as caches and observers use it: references die with their object (reference
counting frees it when the last reference goes), callbacks run then, the weak containers drop
their entries, finalize runs once (on death, on call, or at exit)."""
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%s)" % self.name


n = Node("a")
r = weakref.ref(n)
print(r() is n, r().name, weakref.getweakrefcount(n), r == weakref.ref(n))
del n
print(r(), "dead" in repr(r))

events = []
m = Node("b")
r2 = weakref.ref(m, lambda ref: events.append(("gone", ref() is None)))
print(r2.__callback__ is not None, events)
m = Node("c")  # rebinding drops the last reference to b
print(events)

cache = weakref.WeakValueDictionary()
keep = [Node(i) for i in range(5)]
for k in keep:
    cache[k.name] = k
print(len(cache), sorted(cache), cache.get(2))
del keep[1:3]
gc.collect()
print(len(cache), sorted(cache), 1 in cache, cache.get(1, "missing"))
try:
    cache[1]
except KeyError as e:
    print("KeyError", e)
print(sorted(k for k, v in cache.items()), [v.name for v in cache.values()])

meta = weakref.WeakKeyDictionary()
a, b = Node("x"), Node("y")
meta[a] = "first"
meta[b] = "second"
print(len(meta), meta[a], a in meta, sorted(v for v in meta.values()))
del a
print(len(meta), [k.name for k in meta.keys()])

ws = weakref.WeakSet()
items = [Node(i) for i in range(4)]
for it in items:
    ws.add(it)
items.pop()
items.pop(0)
print(len(ws), sorted(x.name for x in ws))


class Resource:
    def __init__(self, name):
        self.name = name
        self._finalizer = weakref.finalize(self, print, "closing", name)

    def close(self):
        self._finalizer()


res = Resource("db")
f = res._finalizer
print(f.alive)
del res
print("after del", f.alive, f())
res2 = Resource("file")
res2.close()
res2.close()
print("closed explicitly", res2._finalizer.alive)


class Observer:
    def __init__(self):
        self.seen = []

    def notify(self, x):
        self.seen.append(x)


obs = Observer()
wm = weakref.WeakMethod(obs.notify)
wm()(1)
print(obs.seen, wm() == obs.notify)
del obs
print(wm())

p_target = Node("proxied")
p = weakref.proxy(p_target)
print(p.name, repr(p).startswith("<weakproxy"))
del p_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
for bad in (1, "s", (1,), [1], {}):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError", e)
last = Resource("at exit")
print("end of program")
