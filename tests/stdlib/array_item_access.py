# array.array item access: the stored value takes the typecode's type, ranges and types are
# checked, negative indexes count from the end, slices give arrays.
from array import array

d = array('d', [0]) * 4
d[0] = 1
d[1] = 2.5
d[-1] = -3
d[2] += 0.25
print(d, d[0], type(d[0]).__name__, d[-1])
f = array('f', [0.0, 0.0])
f[0] = 0.1
f[1] = 3
print(f[0], f[1], f[0] == 0.1)
for tc, good, bad in (("b", -128, 128), ("B", 255, -1), ("B", 0, 256), ("h", -32768, 32768),
                      ("H", 65535, 65536), ("i", 2**31 - 1, 2**31), ("I", 2**32 - 1, 2**32),
                      ("L", 0, -1)):
    a = array(tc, [0, 0])
    a[1] = good
    try:
        a[0] = bad
    except OverflowError as e:
        print(tc, a[1], "OverflowError", e)
for tc, v in (("d", "x"), ("i", 1.5), ("b", "1"), ("d", None)):
    try:
        array(tc, [0])[0] = v
    except TypeError as e:
        print(tc, repr(v), "TypeError", e)
a = array('i', range(10))
for bad in (10, -11):
    try:
        a[bad]
    except IndexError as e:
        print(bad, "IndexError", e)
    try:
        a[bad] = 1
    except IndexError as e:
        print(bad, "IndexError", e)
print(a[3], a[-1], a[True], a[2:5], a[::-3], a[::2])
a[2:4] = array('i', [7, 8, 9])
print(a, len(a))
try:
    a[0:2] = [1, 2]
except TypeError as e:
    print("TypeError", e)
b = array('i', [0]) * 3
b[:] = a[:3]
print(b)
try:
    a["1"]
except TypeError as e:
    print("TypeError", e)
for tc, v in (("l", -2**63), ("q", 2**63 - 1), ("Q", 2**64 - 1), ("L", 2**64 - 1)):
    a = array(tc, [0])
    a[0] = v
    print(tc, a[0], a)
u = array('u', 'abc')
u[0] = 'z'
print(u, u[0])
class Sub(array):
    pass
s = Sub('d', [1.0, 2.0])
s[0] = 5
print(type(s).__name__, s[0], s[1:])
# an inner loop over arrays, as numeric code writes it
x = array('d', [i * 0.5 for i in range(100)])
y = array('d', [0]) * 100
col = array('i', [(i * 7) % 100 for i in range(100)])
for r in range(100):
    y[r] = x[col[r]] * 2 + y[r - 1]
print(y[99], sum(y))
