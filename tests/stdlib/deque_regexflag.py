from collections import deque
d = deque(maxlen=3)
for i in range(5): d.append(i)
print(d, d.maxlen)
d.appendleft(9); print(d)
d2 = deque([1,2,3,4,5], 2); print(d2)
d3 = deque(range(4)); d3.rotate(1); print(d3, deque().maxlen)
d.extend([7,8]); print(d)
import re
print(re.I | re.M, re.IGNORECASE, type(re.I), re.I.value, int(re.S), re.X | 0, repr(re.A))
print(re.compile("a", re.I | re.M).flags)
print(re.compile("a", re.I).flags == re.I | re.U)
print(repr(re.I | re.M | 1024), re.I in (re.I | re.M), ~re.I & re.M, re.NOFLAG, bool(re.NOFLAG), re.I == 2, 2 | re.I)
print(re.findall("a.c", "ABC a\nc", re.I | re.S), re.compile("x", re.X).flags & re.X)
d4 = deque([1, 2, 3], maxlen=3); d4.extendleft([8, 9]); print(d4, d4.pop(), d4.popleft(), d4)
try:
    deque([1], maxlen=1).insert(0, 5)
except IndexError as e:
    print("IndexError", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError", e)
import copy
print(copy.copy(d), copy.deepcopy(d), deque("abc") == deque("abc"))
