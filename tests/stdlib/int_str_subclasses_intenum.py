from enum import IntEnum, Enum, auto, IntFlag
class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(isinstance(Color.RED, int), Color.RED + 1, hash(Color.RED) == hash(1), Color.RED == 1, Color.RED < Color.BLUE)
print(repr(Color.GREEN), str(Color.GREEN), f"{Color.GREEN}", f"{Color.BLUE:>4}", "%d" % Color.RED, Color.RED.name, Color.RED.value)
print(Color(2), Color(2) is Color.GREEN, list(Color), len(Color), [1, 2, 3][Color.RED], {1: "a"}[Color.RED])
print(sorted([Color.BLUE, Color.RED]), max(Color), int(Color.BLUE), type(int(Color.BLUE)), Color.RED * 10, -Color.GREEN)
print(Color.RED in {1, 5}, 2 in Color.__members__.values() if hasattr(Color, "__members__") else True)
print(type(Color.RED + Color.GREEN).__name__, Color["BLUE"], Color.BLUE.bit_length(), range(10)[Color.GREEN])
d = {Color.RED: "red"}; print(d[1], d)
class Shape(Enum):
    SQ = 1
print(Shape.SQ == 1, repr(Shape.SQ))
class MyInt(int):
    def double(self): return self * 2
m = MyInt(5)
m.label = "five"
print(m, m.double(), m + 1, type(m).__name__, isinstance(m, int), m.label, repr(m), str(m), m == 5, hash(m) == hash(5))
class S(str):
    def shout(self): return self.upper() + "!"
s = S("abc")
print(s.shout(), s + "d", len(s), type(s).__name__, s == "abc", {"abc": 1}[s], repr(s), str(s), s[1], isinstance(s, str))
class L(list):
    pass
l = L([3, 1, 2]); l.name = "L"; l.sort(); print(l, l.name, l.__dict__)
