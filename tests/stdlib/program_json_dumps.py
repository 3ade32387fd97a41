import json
import collections
import decimal

EMPTY = ({}, 2000)
SIMPLE_DATA = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo',
               'key5': 'string'}
SIMPLE = (SIMPLE_DATA, 1000)
NESTED_DATA = {'key1': 0, 'key2': SIMPLE[0], 'key3': 'value', 'key4': SIMPLE[0],
               'key5': SIMPLE[0], 'key': '\u0105\u0107\u017c'}
NESTED = (NESTED_DATA, 1000)
HUGE = ([NESTED[0]] * 1000, 1)

cases = ['EMPTY', 'SIMPLE', 'NESTED', 'HUGE']


def bench_json_dumps(data):
    out = []
    for obj, count_it in data:
        for _ in count_it:
            out.append(json.dumps(obj))
    return out


data = []
for case in cases:
    obj, count = globals()[case]
    data.append((obj, range(count)))
res = bench_json_dumps(data)
print(len(res), res[0], res[1], res[2000 + 1000])
print(len(res[-1]), res[-1][:120])
print(json.dumps(NESTED_DATA, ensure_ascii=False))
print(json.dumps(NESTED_DATA, indent=2, sort_keys=True)[:200])
print(json.dumps([1.5, 1e20, 1e-7, float('inf'), -0.0, None, "a\"b\\c\n\t\x01"]))
print(json.dumps({1: 2, 2.5: 3, None: 4, True: 5}, separators=(',', ':')))
print(json.dumps(collections.OrderedDict([('b', 1), ('a', 2)]), indent='\t'))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, decimal.Decimal):
            return str(o)
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({'d': decimal.Decimal('1.10'), 's': {3, 1, 2}}, cls=Enc))
print(json.dumps((1, 2), default=str), json.dumps({'x': complex}, default=lambda o: o.__name__))
try:
    json.dumps({'x': object()})
except TypeError as e:
    print("TypeError", str(e)[:40])
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True))
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError", e)
print(json.loads(json.dumps(NESTED_DATA)) == NESTED_DATA)
print(json.JSONEncoder(sort_keys=True, indent=1).encode({'b': [1, {}], 'a': []}))
