"""pickle / unpickle round trips in the style of pyperformance's bm_pickle: builtin containers,
instances with __dict__, __slots__, __getstate__/__setstate__, __reduce__, shared and recursive
structure, every protocol; exact bytes for the simple cases."""
import pickle
import io
import collections


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Stateful:
    def __init__(self, n):
        self.n = n
        self.cache = {"big": list(range(n))}

    def __getstate__(self):
        return {"n": self.n}

    def __setstate__(self, state):
        self.n = state["n"]
        self.cache = "rebuilt"


class Reduced:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reduced, self.args)


class MyList(list):
    pass


class MyDict(dict):
    def total(self):
        return sum(self.values())


Pair = collections.namedtuple("Pair", "left right")

DICT = {
    'ads_flags': 0, 'age': 18, 'bulletin_count': 0, 'comment_count': 0,
    'country': 'BR', 'encrypted_id': 'G9urXXAJwjE', 'favorite_artists': [
        "Francisco Mattos", "Joao Gilberto", "Milton Nascimento"],
    'name': 'Jo\xe3o', 'ratio': 1.5, 'big': 2 ** 70, 'neg': -300, 'blob': b'\x00\x01\xff',
    'nested': (1, (2, (3, None)), [True, False]), 'empty': ((), [], {}, ''),
}
TUPLE = ([265867233, 265868503, 265252341, 265243910, 265879514, 266219766],
         60, 'hello', 3.14159, (None, True, False))


def roundtrip(obj, proto):
    data = pickle.dumps(obj, proto)
    return data, pickle.loads(data)


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data, back = roundtrip(DICT, proto)
    print(proto, back == DICT, len(data), data[:24])
    data, back = roundtrip(TUPLE, proto)
    print(proto, back == TUPLE, len(data))

print(pickle.dumps(None), pickle.dumps(True, 0), pickle.dumps(1), pickle.dumps(-1, 2))
print(pickle.dumps(1000, 1), pickle.dumps(70000, 0), pickle.dumps(2 ** 64, 2), pickle.dumps(-2 ** 100, 0))
print(pickle.dumps(0.5, 0), pickle.dumps(0.5), pickle.dumps('a\nb\\c\u20ac', 0), pickle.dumps('\u20ac'))
print(pickle.dumps([1, 2, (3,)], 2), pickle.dumps({'a': [1]}, 3), pickle.dumps(b'xy', 3), pickle.dumps(bytearray(b'z'), 5))
print(pickle.dumps((1, 2, 3, 4)), pickle.dumps(((), [], {}), 1))
print(pickle.dumps(Point(1, 2), 0))
print(pickle.dumps(Point(1, 2), 2))
print(pickle.dumps(Point(1, 2)))

shared = [1, 2]
obj = {'a': shared, 'b': shared, 't': (shared, shared)}
for proto in (0, 2, 4):
    back = pickle.loads(pickle.dumps(obj, proto))
    print(proto, back, back['a'] is back['b'], back['t'][0] is back['a'])

rec = [1]
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[1] is back, back[0])
d = {}
d['self'] = d
print(pickle.loads(pickle.dumps(d, 1))['self'] is not None)

pts = [Point(i, i * i) for i in range(3)]
for proto in range(6):
    back = pickle.loads(pickle.dumps(pts, proto))
    print(proto, back, back == pts, type(back[0]).__name__)

s = pickle.loads(pickle.dumps(Slotted(3, "x")))
print(s.a, s.b, type(s).__name__)
st = pickle.loads(pickle.dumps(Stateful(10)))
print(st.n, st.cache)
r = pickle.loads(pickle.dumps(Reduced(1, "two", [3])))
print(type(r).__name__, r.args)
ml = MyList([1, 2, 3])
ml.tag = "t"
back = pickle.loads(pickle.dumps(ml))
print(type(back).__name__, back, back.tag)
md = MyDict(a=1, b=2)
back = pickle.loads(pickle.dumps(md, 2))
print(type(back).__name__, sorted(back.items()), back.total())
p = Pair(1, [2])
back = pickle.loads(pickle.dumps(p))
print(back, back == p, type(back).__name__, back.left)
print(pickle.loads(pickle.dumps({1, 2, 3})), pickle.loads(pickle.dumps(frozenset({'a'}), 2)))
print(pickle.loads(pickle.dumps([len, Point, dict, type(None)])))
print(pickle.loads(pickle.dumps(range(1, 10, 2))), pickle.loads(pickle.dumps(slice(1, None))))
dq = pickle.loads(pickle.dumps(collections.deque([1, 2], maxlen=5)))
print(dq, dq.maxlen)
od = pickle.loads(pickle.dumps(collections.OrderedDict([('z', 1), ('a', 2)])))
print(od, type(od).__name__)

buf = io.BytesIO()
pickle.dump(DICT, buf)
pickle.dump([1, 2], buf, protocol=0)
buf.seek(0)
print(pickle.load(buf) == DICT, pickle.load(buf))
p = pickle.Pickler(io.BytesIO(), 2)
p.dump(TUPLE)

big = list(range(2500))
data = pickle.dumps(big)
print(len(data), pickle.loads(data) == big, data.count(pickle.APPENDS))
text = ["word%d" % i for i in range(5000)]
data = pickle.dumps(text)
print(len(data), pickle.loads(data) == text, data[:12])

for bad in (b'', b'\x80\x04', b'garbage'):
    try:
        pickle.loads(bad)
    except Exception as e:
        print(type(e).__name__)


def local_func():
    pass


try:
    pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e:
    print("cannot pickle lambda", type(e).__name__)
print(pickle.loads(pickle.dumps(local_func)) is local_func)
import datetime
stamp = {"when": datetime.datetime(2024, 5, 17, 13, 45, 30, 123), "day": datetime.date(2020, 2, 29),
         "span": datetime.timedelta(days=3, seconds=7), }
for proto in (0, 2, 5):
    print(pickle.loads(pickle.dumps(stamp, proto)) == stamp)
