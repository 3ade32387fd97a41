class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
    def __contains__(self, k):
        return k == "magic" or super().__contains__(k)
    def __len__(self):
        return 42
d = D(a=1)
d["b"] = 10
print(d["a"], d["b"], d, "magic" in d, "a" in d, "zz" in d, len(d), d.get("b"))
class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) + 100
    def __setitem__(self, i, v):
        list.__setitem__(self, i, -v)
    def __contains__(self, x):
        return super().__contains__(x - 1)
l = L([1, 2, 3])
l[0] = 5
print(l[0], l[2], l, 3 in l, 1 in l, list(l), len(l))
from collections import Counter
c = Counter("abracadabra"); e = Counter("alakazam")
print(c + e, c - e, c | e, c & e)
c.subtract("aaa"); print(c)
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)
print(MyInt(1) + 2, 2 + MyInt(1), type(MyInt(1) + 2).__name__, MyInt(3) * 2)
