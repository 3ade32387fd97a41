from graphlib import TopologicalSorter, CycleError

graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
order = list(TopologicalSorter(graph).static_order())
print(order[0], order[-1], sorted(order[1:3]))
ts = TopologicalSorter()
ts.add(3, 2, 1)
ts.add(1, 0)
ts.add(2, 0)
print(list(ts.static_order()))
ts = TopologicalSorter({"b": ["a"], "c": ["a"], "d": ["b", "c"]})
ts.prepare()
rounds = []
while ts.is_active():
    ready = ts.get_ready()
    rounds.append(sorted(ready))
    ts.done(*ready)
print(rounds)
try:
    list(TopologicalSorter({1: [2], 2: [3], 3: [1]}).static_order())
except CycleError as e:
    print("cycle", e.args[0], len(e.args[1]), e.args[1][0] == e.args[1][-1])
    print(isinstance(e, ValueError))
ts = TopologicalSorter()
ts.add("x")
ts.prepare()
try:
    ts.add("y")
except ValueError as e:
    print(e)
try:
    ts.prepare()
except ValueError as e:
    print(e)
try:
    ts.done("x")
except ValueError as e:
    print(e)
print(ts.get_ready(), bool(ts))
ts.done("x")
print(bool(ts))
try:
    ts.done("x")
except ValueError as e:
    print(e)
