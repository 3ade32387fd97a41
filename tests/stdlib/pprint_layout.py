import pprint
data = [("string", (1, 2), [3, 4], {5: 6, 7: 8})] * 3
print(pprint.pformat(data))
big = {"key%d" % i: list(range(i)) for i in range(12)}
pprint.pprint(big)
pprint.pprint({"b": {1, 2, 3}, "a": frozenset([3, 1]), "c": ("x" * 50, "y" * 40), "d": "word " * 30})
print(pprint.pformat(list(range(40)), width=30, compact=True))
print(pprint.saferepr({"z": 1, "a": [2]}), pprint.isreadable([1, 2]), pprint.isrecursive([]))
import re
r = [1]; r.append(r); print(re.sub(r"id=\d+", "id=N", pprint.pformat(r)), pprint.isrecursive(r))
pprint.pp({"z": 1, "a": 2})
print(pprint.pformat({"x": [{"deep": list(range(30))}]}, indent=4, width=40))
