# The TypeError of an operator that no operand supports names the operator as written:
# an augmented assignment says "+=", a plain operator "+".
class Box:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return NotImplemented


def attempt(label, f):
    try:
        f()
    except TypeError as e:
        print(label, "->", e)


def aug_int_str():
    i = 1
    i += "a"


def aug_list_int():
    xs = [1]
    xs -= 2


def aug_float_str():
    x = 1.5
    x *= "b" * 0 + "c" if False else {}


def aug_box():
    b = Box(1)
    b += 2


def aug_attr():
    b = Box(1)
    b.v += "s"


def aug_item():
    d = {"k": None}
    d["k"] |= 3


attempt("i += 'a'", aug_int_str)
attempt("xs -= 2", aug_list_int)
attempt("x *= {}", aug_float_str)
attempt("box += 2", aug_box)
attempt("b.v += 's'", aug_attr)
attempt("d['k'] |= 3", aug_item)
attempt("1 + 'a'", lambda: 1 + "a")
attempt("[1] - 2", lambda: [1] - 2)
attempt("Box(1) + 2", lambda: Box(1) + 2)
s = "ab"
s += "cd"
n = 7
n //= 2
print(s, n)
