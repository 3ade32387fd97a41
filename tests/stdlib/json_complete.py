import json, io
from collections import OrderedDict
data = {"b": [1, 2.5, None, True], "a": {"x": "é\n", "y": []}, "c": {}, 3: "int key"}
print(json.dumps(data))
print(json.dumps(data, sort_keys=False, indent=2))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({"z": 1, "a": 2}, sort_keys=True, indent=0))
class P:
    def __init__(self, x): self.x = x
print(json.dumps({"p": P(3)}, default=lambda o: {"P": o.x}))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, P):
            return ["P", o.x]
        return super().default(o)
print(json.dumps([P(1), P(2)], cls=Enc), Enc(indent=1).encode({"k": P(5)}))
try:
    json.dumps(P(1))
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
l = [1]; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError", e)
print(json.dumps(float("inf")), json.dumps({1.5: 1, None: 2, True: 3}), json.dumps({(1, 2): 3}, skipkeys=True))
print(json.loads('{"a": [1, 2.0, -3e2, true, null], "b": "\\u00e9\\ud83d\\ude00"}'))
print(json.loads('{"a": 1, "b": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10), json.loads('[NaN, Infinity]', parse_constant=str))
for bad in ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '{a: 1}', '"abc', '[1] x', '"\\x"', '\n  [tru]', '"a\tb"', '{"é": 1 2}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
print(json.JSONDecoder().decode('[1]'), json.JSONDecoder().raw_decode('[1] tail'), json.loads(b'{"x": 1}'))
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
