# The cycle collector: groups of objects that refer only to each other are found and freed by
# gc.collect(), their weak references die (callbacks run), __del__ runs once, what is still
# referred to survives, and the counts are CPython's.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def pair():
    a, b = Node("a"), Node("b")
    a.other, b.other = b, a
    return a, b


gc.collect()
print("enabled", gc.isenabled(), "threshold", gc.get_threshold())

# A two-instance cycle: unreachable after the names go.
a, b = pair()
died = []
r = weakref.ref(a, lambda ref: died.append("callback"))
del a, b
print("alive before collect", r() is not None)
print("collected", gc.collect())
print("alive after collect", r() is not None, died)

# Nothing left to find.
print("second collect", gc.collect())


# __del__ runs for the members of a cycle, once, before they are freed.
class Finalized(Node):
    def __del__(self):
        print("del", self.name, self.other.name)


x, y = Finalized("x"), Finalized("y")
x.other, y.other = y, x
del x, y
print("collected with __del__", gc.collect())


# A finalizer that stores its object away resurrects it: kept, and not finalized again.
saved = []


class Phoenix(Node):
    def __del__(self):
        print("phoenix del", self.name)
        saved.append(self)


p = Phoenix("p")
p.other = p
del p
gc.collect()
print("resurrected", len(saved), saved[0].name, saved[0].other is saved[0], gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("after second drop", len(saved))

# Cycles through lists, dicts, tuples, cells and closures, and bound methods.
class Holder:
    def method(self):
        return self


def closure_cycle():
    def inner():
        return inner
    return inner


objs = []
for i in range(3):
    lst = []
    lst.append(lst)
    d = {}
    d["self"] = d
    t = ([],)
    t[0].append(t)
    h = Holder()
    h.m = h.method
    objs.append(weakref.ref(h))
    f = closure_cycle()
    del lst, d, t, h, f
n = gc.collect()
print("mixed cycles collected", n > 0, [w() for w in objs])

# Objects reachable from a live variable survive, with the cycle they are in.
keep = Node("keep")
keep.other = Node("partner")
keep.other.other = keep
gc.collect()
print("kept", keep.name, keep.other.name, keep.other.other is keep)

# Tracking: containers and instances are tracked, atoms are not.
print("tracked", gc.is_tracked([]), gc.is_tracked({"k": []}), gc.is_tracked(Node("n")), gc.is_tracked(1), gc.is_tracked("s"))

# get_referrers / get_referents
target = Node("target")
holder = [target]
print("referrer found", any(r is holder for r in gc.get_referrers(target)))
print("referents", [type(o).__name__ for o in gc.get_referents(holder)])

# Disabled: allocations do not collect; collect() still does.
gc.disable()
print("disabled", gc.isenabled())
made = []
for i in range(2000):
    a, b = pair()
    made.append(weakref.ref(a))
del a, b
print("alive while disabled", sum(1 for w in made if w() is not None))
gc.enable()
print("collect after enable", gc.collect())
print("alive after", sum(1 for w in made if w() is not None))

# Automatic collection: cycles made in a loop do not pile up.
probes = []
for i in range(20000):
    a, b = pair()
    if i % 1000 == 0:
        probes.append(weakref.ref(a))
del a, b
print("old cycles freed by the thresholds", sum(1 for w in probes[:-1] if w() is None) == len(probes) - 1)
print("count below threshold", gc.get_count()[0] <= gc.get_threshold()[0] + 10)

gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)

# Young objects are tracked, and collected, the same whether they were made just now or have
# outlived many later allocations: fresh instances are not finalized, are listed by get_objects,
# and a cycle is found both right after it is made and after 200 more containers.
fresh = [Node(str(i)) for i in range(10)]
print("fresh not finalized", not any(gc.is_finalized(n) for n in fresh), all(gc.is_tracked(n) for n in fresh))
print("fresh listed", sum(1 for o in gc.get_objects() if o is fresh[9]))
gc.collect()
a, b = pair()
del a, b
print("new cycle", gc.collect())
a, b = pair()
del a, b
keep = [[i] for i in range(200)]
print("older cycle", gc.collect(), len(keep))
