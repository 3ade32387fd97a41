# eval and exec with globals and locals dicts, as programs that generate code use them
g = {"a": 1}
print(eval("a + 1", g), eval("  a * 3", g))
exec("b = a * 10", g)
print(g["b"], "__builtins__" in g)
l = {}
exec("def f(x):\n    return x + a\nc = f(2)", g, l)
print(l["c"], sorted(l), "c" in g)
print(eval("[i * i for i in range(4)]"), eval("len(s)", {"s": "abcd"}), eval("x + y", {"x": 1}, {"y": 2}))
src = """
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
pts = [Point(i, i * i) for i in range(3)]
"""
ns = {}
exec(src, ns)
print(ns["pts"])
fields = ["name", "age"]
code = "def __init__(self, %s):\n" % ", ".join(fields) + "".join("    self.%s = %s\n" % (f, f) for f in fields)
cls_ns = {}
exec(code, {}, cls_ns)
Person = type("Person", (), {"__init__": cls_ns["__init__"]})
p = Person("Ann", 30)
print(p.name, p.age)
try:
    eval("x = 1")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_name", {})
except NameError as e:
    print("NameError", e)
print(eval("1 if True else 2"), eval(b"2 ** 10"))
