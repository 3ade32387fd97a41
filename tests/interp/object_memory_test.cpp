// Semantics the object-memory and lookup speed-ups must keep: objects from per-size free lists,
// exception state held apart from instances, dict key bit masks, json.loads building strings and
// dicts once, int() of short decimal text. Each expected output is CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// A dict's key bit mask only ever rules a key out: lookups after clear() and del, keys equal across
// types (1, 1.0, True), user __hash__/__eq__, id() keys, and instance dicts that shadow a method
// (past the small-dict threshold) and stop shadowing it.
TEST(ObjectMemory, DictsRuleOutAbsentKeysExactly) {
  EXPECT_EQ(run(R"PY(d = {}
for i in range(200):
    d[i * 7] = i
print(len(d), 14 in d, 15 in d, d.get(21), d.get(22, 'no'))
d.clear()
print(14 in d, d.get(14, 'gone'), len(d))
d[1] = 'int'
print(d[1.0], d[True], 1.0 in d, 2 in d)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 5
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
e = {K(1): 'a', 5: 'five'}
print(e[K(1)], K(2) in e, e[5])
for k in list(e): del e[k]
print(len(e), K(1) in e, e.get(5))
e[K(3)] = 'b'
print(K(3) in e, K(1) in e)
memo = {}
objs = [object() for _ in range(100)]
for o in objs[:50]:
    memo[id(o)] = o
print(sum(1 for o in objs if id(o) in memo), memo.get(id(objs[99]), 'miss'))
class C:
    def m(self): return 'method'
cs = [C() for _ in range(3)]
for c in cs:
    for i in range(12): setattr(c, 'a%d' % i, i)
cs[1].m = lambda: 'own'
print([c.m() for c in cs])
del cs[1].m
print([c.m() for c in cs], [getattr(c, 'zz', 'none') for c in cs])
cs[2].__dict__.clear()
print(cs[2].m(), hasattr(cs[2], 'a3'), cs[0].a3)
)PY"),
            R"OUT(200 True False 3 no
False gone 0
int int True False
a False five
0 False None
True False
50 miss
['method', 'own', 'method']
['method', 'method', 'method'] ['none', 'none', 'none']
method False 3
)OUT");
}

// Exception instances keep their cause, context and traceback outside the attribute dict; plain
// instances carry none of it.
TEST(ObjectMemory, ExceptionStateKeptApartFromInstances) {
  EXPECT_EQ(run(R"PY(import traceback
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
def inner():
    raise E('x', 2)
def outer():
    try:
        inner()
    except E as e:
        raise ValueError('wrapped') from e
try:
    outer()
except ValueError as v:
    print(type(v.__cause__).__name__, v.__cause__.b, v.__cause__.args, v.__suppress_context__)
    print(type(v.__context__).__name__)
try:
    try:
        {}['k']
    except KeyError:
        1 / 0
except ZeroDivisionError as z:
    print(repr(z.__context__), z.__cause__)
e = E('y', 3)
print(e.__cause__, e.__context__, e.b, str(e))
class Plain:
    pass
p = Plain()
print(hasattr(p, '__cause__'), vars(p))
try:
    outer()
except ValueError:
    lines = traceback.format_exc().splitlines()
    print(lines[0], lines[-1])
    print(sum(1 for l in lines if 'direct cause' in l))
)PY"),
            R"OUT(E 2 ('x',) True
E
KeyError('k') None
None None 3 y
False {}
Traceback (most recent call last): ValueError: wrapped
1
)OUT");
}

// An error the runtime raises in an except block (not only a raise statement) gets the handled
// exception as its __context__; a re-raise of the handled exception does not chain to itself.
TEST(ObjectMemory, ErrorsRaisedWhileHandlingChainTheirContext) {
  EXPECT_EQ(run(R"PY(try:
    try:
        {}['k']
    except KeyError:
        1 / 0
except ZeroDivisionError as z:
    print(repr(z.__context__))
try:
    try:
        raise KeyError('k')
    except KeyError:
        1 / 0
except ZeroDivisionError as z:
    print(repr(z.__context__))
d = {}
try:
    try:
        x = d['k']
    except KeyError:
        1 / 0
except ZeroDivisionError as z:
    print(repr(z.__context__))
def f():
    try:
        raise KeyError('a')
    except KeyError as e:
        raise e
try:
    f()
except KeyError as k:
    print(repr(k.__context__))
try:
    try:
        raise ValueError('v')
    except ValueError as v:
        try:
            raise TypeError('t')
        except TypeError:
            int('x')
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    try:
        1/0
    except ZeroDivisionError:
        raise KeyError('z') from None
except KeyError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
)PY"),
            R"OUT(KeyError('k')
KeyError('k')
KeyError('k')
None
ValueError("invalid literal for int() with base 10: 'x'") TypeError('t') ValueError('v')
ZeroDivisionError('division by zero') True None
)OUT");
}

// json.loads reads unescaped strings in one copy and makes each object's dict at its final
// size: escapes, non-ASCII lengths, duplicate keys, hook order, int limits and errors stay CPython's.
TEST(ObjectMemory, JsonLoadsCopiesAndSizesOnce) {
  EXPECT_EQ(run(R"PY(import json
s = json.dumps({'a': 'x\ny', 'é': 'ünï', 'n': -0, 'big': 12345678901234567890, 'neg': -123456789012345678,
                'f': 1.5e3, 'e': '', 'one': 'q', 'u': '\u20ac\U0001F600', 't': [True, False, None]})
d = json.loads(s)
print(d)
print(len(d['é']), len(d['u']), len(d['a']), len(d['one']), d['u'].upper(), d['é'][1])
print(json.loads('{"k": 1, "k": 2, "j": 3}'))
print(json.loads(r'["\u00e9\"\\", "a\tb", "\ud83d\ude00", "\/\b\f\n\r"]'))
print(json.loads(r'"abc\u0041"'), json.loads('"plain"'), json.loads('"x"'), json.loads('""'))
order = []
def hook(d):
    order.append(sorted(d))
    return d
print(json.loads('{"a": {"b": {"c": 1}}, "d": {"e": 2}}', object_hook=hook), order)
print(json.loads('{"a": [1, {"b": 2}], "c": 3}', object_pairs_hook=lambda p: p))
print(json.loads('[' + ','.join(str(i) for i in range(30)) + ']')[-3:], json.loads('-17'), json.loads('0'))
big = {('k%d' % i): i for i in range(40)}
print(json.loads(json.dumps(big)) == big, list(json.loads(json.dumps(big)))[:3])
try:
    json.loads('"a\x01b"')
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
print(repr(json.loads('"a\x01b"', strict=False)))
try:
    json.loads('{"a": 1, "b": }')
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
try:
    json.loads('"unterminated')
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
print(json.loads('123456789012345678'), json.loads('-12345678901234567'), json.loads('1234567890123456789'))
print(json.loads(b'{"b": "bytes"}'), json.loads('[1e2, -0.5, 10]', parse_int=float))
)PY"),
            R"OUT({'a': 'x\ny', 'é': 'ünï', 'n': 0, 'big': 12345678901234567890, 'neg': -123456789012345678, 'f': 1500.0, 'e': '', 'one': 'q', 'u': '€😀', 't': [True, False, None]}
3 2 3 1 €😀 n
{'k': 2, 'j': 3}
['é"\\', 'a\tb', '😀', '/\x08\x0c\n\r']
abcA plain x 
{'a': {'b': {'c': 1}}, 'd': {'e': 2}} [['c'], ['b'], ['e'], ['a', 'd']]
[('a', [1, [('b', 2)]]), ('c', 3)]
[27, 28, 29] -17 0
True ['k0', 'k1', 'k2']
Invalid control character at 2
'a\x01b'
Expecting value 14
Unterminated string starting at 0
123456789012345678 -12345678901234567 1234567890123456789
{'b': 'bytes'} [100.0, -0.5, 10.0]
)OUT");
}

// int(text) of a short plain decimal skips the general scan; signs, leading zeros, spaces,
// underscores and bad literals still take it.
TEST(ObjectMemory, IntOfDecimalTextFastPath) {
  EXPECT_EQ(run(R"PY(for s in ['0', '-0', '+5', '007', ' 12 ', '1_000', '-123456789012345678', '123456789012345678', '1234567890123456789', '-99', '\t8\n']:
    print(repr(s), int(s))
for s in ['', '-', '+', '12a', '1__0', '_1', '--1', '1 2', '+-3']:
    try:
        int(s)
    except ValueError as e:
        print(e)
print(int('ff', 16), int('10', 2), int('0x1f', 0), int('12', 10))
)PY"),
            R"OUT('0' 0
'-0' 0
'+5' 5
'007' 7
' 12 ' 12
'1_000' 1000
'-123456789012345678' -123456789012345678
'123456789012345678' 123456789012345678
'1234567890123456789' 1234567890123456789
'-99' -99
'\t8\n' 8
invalid literal for int() with base 10: ''
invalid literal for int() with base 10: '-'
invalid literal for int() with base 10: '+'
invalid literal for int() with base 10: '12a'
invalid literal for int() with base 10: '1__0'
invalid literal for int() with base 10: '_1'
invalid literal for int() with base 10: '--1'
invalid literal for int() with base 10: '1 2'
invalid literal for int() with base 10: '+-3'
255 2 31 12
)OUT");
}

// Objects of every size made and dropped in bulk (from the per-size free lists) keep their values;
// deepcopy's atomic-type set keeps copies and identities as CPython's.
TEST(ObjectMemory, ObjectsReusedFromFreeLists) {
  EXPECT_EQ(run(R"PY(import copy
class P:
    def __init__(self, i):
        self.i = i
        self.s = str(i)
keep = []
for r in range(5):
    objs = [P(i) for i in range(20000)]
    tuples = [(i, i + 1, str(i)) for i in range(20000)]
    lists = [[i] * (i % 9) for i in range(20000)]
    keep.append(objs[r])
    keep.append(tuples[-1 - r])
    keep.append(lists[17 + r])
    del objs, tuples, lists
print([k.s if isinstance(k, P) else k for k in keep])
print(sum(len(d) for d in [{j: j for j in range(i % 20)} for i in range(3000)]))
a = {'list': [1, 2, 3], 't': (1, 2), 's': 'hello', 'sub': {'x': True}, 'n': None, 'f': 1.5}
b = copy.deepcopy(a)
print(b == a, b['list'] is a['list'], b['s'] is a['s'], b['t'] is a['t'], b['sub'] is a['sub'])
class MyList(list):
    pass
m = MyList([5])
c = copy.deepcopy([m, m])
print(type(c[0]).__name__, c[0] is c[1], c[0] is m, c[0] == [5])
print(copy.deepcopy(print) is print, copy.deepcopy(P) is P, copy.copy(a) is not a)
)PY"),
            R"OUT(['0', (19999, 20000, '19999'), [17, 17, 17, 17, 17, 17, 17, 17], '1', (19998, 19999, '19998'), [], '2', (19997, 19998, '19997'), [19], '3', (19996, 19997, '19996'), [20, 20], '4', (19995, 19996, '19995'), [21, 21, 21]]
28500
True False True True False
MyList True False True
True True True
)OUT");
}

}  // namespace
