import reprlib
print(reprlib.repr(list(range(100))))
print(reprlib.repr(tuple(range(3))), reprlib.repr((1,)), reprlib.repr(()))
print(reprlib.repr("a" * 100))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset()), reprlib.repr(set()))
print(reprlib.repr({i: str(i) for i in range(10)}))
print(reprlib.repr(2 ** 200))
print(reprlib.repr([[[[[[[[1]]]]]]]]))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3, 4]), r.repr("hello world, again"))
print(r.repr({"b": 1, "a": [1, 2, 3]}))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%s, %r)" % (self.name, self.children)


n = Node("root")
n.children.append(Node("leaf"))
n.children.append(n)
print(repr(n))
print(Node.__repr__.__name__)


class Long:
    def __repr__(self):
        return "L" * 50


print(reprlib.repr(Long()))
