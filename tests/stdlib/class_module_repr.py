from collections import OrderedDict, Counter, defaultdict, deque
import json, re
class X: pass
class Outer:
    class Inner: pass
print(X, Outer.Inner, type(X()), X.__module__, int, type(1), type(re.compile("a")), re.Pattern, json.JSONDecodeError)
print(repr(X()).startswith("<__main__.X object at "), repr(Outer.Inner()).startswith("<__main__.Outer.Inner object at "))
print(OrderedDict(a=1, b=2), OrderedDict(), Counter("abracadabra"), Counter(), defaultdict(list, {"k": [1]}), defaultdict(None), deque([1, 2, 3]), deque())
class MyOD(OrderedDict): pass
class MyC(Counter): pass
print(MyOD(x=1), MyC("aab"))
def f(): pass
print(f.__module__, X.__qualname__, Outer.Inner.__qualname__)
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=OrderedDict))
print([OrderedDict(a=1)], {"k": deque([1])})
from reprpkg.shapes import Shape, make
import reprpkg.shapes
print(Shape, Shape.__module__, make.__module__, repr(make()).startswith("<reprpkg.shapes.Shape object at "))
print(type(reprpkg.shapes.make()) is Shape)
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(od, od.popitem(last=False), list(od))
