# copy.deepcopy's memo: shared and cyclic structure through tuples, sets and frozensets, the
# keep-alive list it holds, and what a __deepcopy__ sees in it.
import copy

l = [1]
t = (l, l, "s")
c = copy.deepcopy(t)
print(c, c[0] is c[1], c[0] is l, copy.deepcopy((1, 2, "x")) is not None)

cyc = []
tc = (cyc, 5)
cyc.append(tc)
cc = copy.deepcopy(tc)
print(cc[0][0] is cc, cc[1], cc is not tc)

s = {1, (2, 3), frozenset([4])}
f = frozenset([(5, 6), "z"])
cs, cf = copy.deepcopy(s), copy.deepcopy(f)
print(sorted(map(repr, cs)), type(cs).__name__, cf == f, type(cf).__name__)

inner = [7]
d = {"a": (inner,), "b": [inner, {inner[0]}], "c": frozenset()}
memo = {}
cd = copy.deepcopy(d, memo)
print(cd, cd["a"][0] is cd["b"][0], id(d) in memo, memo[id(d)] is cd)
kept = memo[id(memo)]
print(type(kept).__name__, any(x is d for x in kept), any(x is inner for x in kept))


class Seen:
    def __deepcopy__(self, m):
        print("memo holds", sum(1 for k in m if k != id(m)), "copies")
        return "copied"


print(copy.deepcopy([[1], Seen()]))
print(copy.deepcopy((Seen(),)))
