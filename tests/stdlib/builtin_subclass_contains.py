# `in` asks a subclass of a builtin container for its own __contains__, whatever the base.
class S(set):
    def __contains__(self, x):
        return True
class F(frozenset):
    def __contains__(self, x):
        return x == 7
class D(dict):
    def __contains__(self, x):
        return x == "k"
class L(list):
    def __contains__(self, x):
        return x == 0
class T(tuple):
    def __contains__(self, x):
        return x > 100
class U(str):
    def __contains__(self, x):
        return x == "?"
class Plain(set):
    pass
class Base(set):
    def __contains__(self, x):
        return x == "base"
class Child(Base):
    pass
print(5 in S(), 5 not in S(), 7 in F(), 8 in F(), "k" in D(), "z" in D({"z": 1}))
print(0 in L(), 1 in L([1]), 101 in T(), 1 in T((1,)), "?" in U("abc"), "a" in U("abc"))
print(1 in Plain({1}), 2 in Plain({1}), "base" in Child(), 1 in Child({1}))
# A frozenset subclass is its own class, even when made from a frozenset.
class G(frozenset):
    pass
base = frozenset([1, 2])
g = G(base)
print(type(g).__name__, g is base, repr(g), g == base, hash(g) == hash(base), type(G()).__name__, sorted(G("ab")))
