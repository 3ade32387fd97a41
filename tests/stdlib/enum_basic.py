from enum import Enum, IntEnum, auto, unique, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, Color.RED.name, Color.RED.value)
print(Color.RED == Color.RED, Color.RED != Color.BLUE, isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    def describe(self):
        return f"{self.name.lower()}={self.value}"
print([s.describe() for s in Shape], {Shape.SQUARE: 1}[Shape.SQUARE])
class Level(IntEnum):
    LOW = 10
    HIGH = 20
print(Level.LOW < Level.HIGH, Level.HIGH + 1, Level(20), Level.LOW == 10, sorted([Level.HIGH, Level.LOW]))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Perm.R, Perm.W.value, Perm.X.value, bool(Perm.R & Perm.W), Perm.R in (Perm.R | Perm.W))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
