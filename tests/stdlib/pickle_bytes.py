# pickle writes the bytes CPython's accelerated pickler writes, for every protocol, and reads
# them back: scalars, strings, containers and their batches and frames, shared and recursive
# references, globals reduced with arguments (datetime), and what the Python pickler handles.
import datetime
import hashlib
import pickle


def show(name, obj, protos=range(0, 6)):
    for proto in protos:
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        same = back == obj if obj == obj else repr(back) == repr(obj)
        text = repr(data) if len(data) <= 120 else hashlib.sha256(data).hexdigest()[:32]
        print(name, proto, len(data), text, same)


print("accelerated", pickle.Pickler.__module__, pickle.Unpickler.__module__, pickle.HIGHEST_PROTOCOL)
show("none", None)
show("bools", (True, False))
for n in (0, 1, 255, 256, 65535, 65536, -1, -128, -129, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
          2**39, -2**39, 412317970704, 2**63 - 1, -2**63, 2**64, -2**70, 10**30):
    show("int", n, (2, 4, 5))
for f in (0.0, -0.0, 1.5, 1e300, float("inf"), float("-inf"), 3.141592653589793):
    show("float", f, (2, 5))
show("nan", float("nan"), (4,))
show("str", ["", "a", "é", "ÿ", "€", "日本語", "x" * 300, "a", "é", "ab", "cd"])
show("bytes", [b"", b"a", b"\xff", b"abc" * 100, b"a", b""], (3, 4, 5))
show("bytes_old", [b"ab", b""], (2,))
show("tuples", [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((), ((),))])
shared = [1, 2]
show("shared", [shared, shared, (shared, shared)])
rec = [1]
rec.append(rec)
data = pickle.dumps(rec, 5)
print("recursive list", data, pickle.loads(data)[1] is not None)
t = ([],)
t[0].append(t)
print("recursive tuple", pickle.dumps(t, 2), pickle.dumps(t, 4))
back = pickle.loads(pickle.dumps(t, 4))
print("recursive tuple back", back[0][0] is back)
d = {"a": 1, "b": [1, 2], "c": {"d": None}}
show("dict", d)
show("dict1", {"k": "v"})
show("sets", [set(), {1, 2, 3}, frozenset(), frozenset({1, "a"})])
fs = frozenset({1, 2})
show("frozen shared", [fs, fs])
show("list1", [[1]])
for size in (999, 1000, 1001, 2500):
    show("list%d" % size, list(range(size)), (1, 2, 4, 5))
    show("dict%d" % size, {i: str(i) for i in range(size)}, (1, 2, 4, 5))
    show("set%d" % size, set(range(size)), (4, 5))
big = [("item %d" % i, i * 1.5, [i] * 3) for i in range(6000)]
show("big framed", big, (4, 5))
show("big str", ["y" * 70000, "z"], (3, 4, 5))
show("big bytes", [b"y" * 70000, b"z"], (3, 4, 5))
show("deep", [[[[[[[[[[1]]]]]]]]]])
show("date", [datetime.date(1980, 5, 7), datetime.date(2000, 1, 1)])
show("datetime", datetime.datetime(2020, 2, 3, 4, 5, 6, 789), (2, 3, 4, 5))
show("delta", datetime.timedelta(days=1, seconds=2), (4, 5))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


show("instance", [Point(1, 2), Point(3, 4)], (2, 4, 5))
show("class", [Point, datetime.date], (4, 5))
show("range", range(1, 10, 2), (2, 4, 5))
show("complex", 1 + 2j, (2, 4, 5))


class Sub(list):
    pass


show("list subclass", Sub([1, 2]), (2, 5))
DICT = {"ads_flags": 0, "age": 18, "birthday": datetime.date(1980, 5, 7), "flags": 412317970704,
        "tags": ["a", "b", "c"], "zip": "", "country": "BR"}
GROUP = [dict(DICT) for _ in range(3)]
show("bm dict", DICT, (4, 5))
show("bm group", GROUP, (4, 5))
MICRO = dict((key, dict.fromkeys(range(10))) for key in range(100))
show("micro", MICRO, (5,))

# Bad input: a clear error, not a crash.
for bad in (b"", b"\x80\x05", b"\x80\x05\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01", b"\x80\x09N.", b"\x80\x05h\x07."):
    try:
        print("loaded", pickle.loads(bad))
    except Exception as e:
        print(type(e).__name__)
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print("ValueError", e)
try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError", e)

import io
f = io.BytesIO()
pickle.dump({"x": [1, 2]}, f, 4)
f.seek(0)
print("file", f.getvalue(), pickle.load(f))
