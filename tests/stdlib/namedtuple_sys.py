from collections import namedtuple
import sys
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, isinstance(p, tuple), p == (1, 2), p < (1, 3), p._replace(x=5), p._asdict(), P._fields, p + (3,), hash(p) == hash((1, 2)))
x, y = p; print(x, y, p[0], len(p), p.x, P._make([3, 4]), P(y=7, x=6))
Q = namedtuple('Q', ['a', 'b'], defaults=[0])
print(Q(1), sorted([P(2, 1), P(1, 2)]), max(P(1, 5), P(1, 6)))
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
sys.stdout.write("written\n")
print("to stdout", file=sys.stdout)
print(sys.intern("abc"), sys.version_info[0], sys.argv[0].endswith("namedtuple_sys.py"), type(sys.path), "sys" in sys.modules)
