# ast.parse gives CPython's node classes and fields; dump prints them as CPython does; walk,
# NodeVisitor, NodeTransformer, get_docstring and the location helpers work on the tree.
import ast

programs = [
    "x = 1 + 2 * y",
    "print('hi', end='')",
    "def f(a, b=2, *args, c, d=4, **kw):\n    '''Doc.'''\n    return a + b\n",
    "async def g(x, /, y):\n    await x\n    async for i in y:\n        pass\n",
    "class C(Base, metaclass=M):\n    z: int = 0\n    def m(self):\n        return self.z\n",
    "for i in range(3):\n    if i % 2 == 0:\n        continue\n    else:\n        break\nelse:\n    pass\n",
    "while x < 10 and not done:\n    x += 1\n",
    "try:\n    risky()\nexcept (ValueError, KeyError) as e:\n    raise RuntimeError('x') from e\nexcept Exception:\n    pass\nelse:\n    ok()\nfinally:\n    cleanup()\n",
    "with open(p) as f, lock:\n    data = f.read()\n",
    "import os.path as osp, sys\nfrom . import sibling\nfrom ..pkg.mod import a as b, c\nfrom m import *\n",
    "global g\ndel a[0], b.c\nassert x, 'msg'\n",
    "squares = [n * n for n in nums if n > 0]\npairs = {k: v for k, v in items}\ns = {e for e in es}\ng = (q for q in qs)\n",
    "f = lambda x, y=1: x if x > y else y\n",
    "a, *rest = b[1:2], c[::2]\n",
    "msg = f'{name!r:>10} and {value}'\n",
    "x = -a ** 2 is not None in y\n",
    "y = (yield)\nz = yield from w\n",
    "if (n := len(a)) > 10:\n    pass\n",
    "x = d['k'].attr(1, *args, key=2, **kw)\n",
    "match cmd:\n    case [x, y, *rest]:\n        pass\n    case {'k': v, **others}:\n        pass\n    case Point(x=0, y=yy) | None:\n        pass\n    case 1 | 2 as n if n > 0:\n        pass\n    case _:\n        pass\n",
]
for src in programs:
    print(ast.dump(ast.parse(src)))

print(ast.dump(ast.parse("1 + 2", mode="eval")))
print(ast.dump(ast.parse("x = [1, 2]"), indent=2))
print(ast.dump(ast.parse("x = 1"), annotate_fields=False))

# classes and fields
tree = ast.parse("def f(x):\n    return x * 2\n\nclass K:\n    pass\n")
fn = tree.body[0]
print(type(fn).__name__, fn.name, fn._fields, isinstance(fn, ast.stmt), isinstance(fn, ast.AST))
print(fn.lineno, fn.col_offset, fn.body[0].lineno, tree.body[1].lineno)
print(isinstance(fn.body[0].value.op, ast.Mult), fn.args.args[0].arg)

# walk and visitors
names = sorted({n.id for n in ast.walk(ast.parse("a = b + c(d, e.f)")) if isinstance(n, ast.Name)})
print(names)


class CallCounter(ast.NodeVisitor):
    def __init__(self):
        self.calls = []

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name):
            self.calls.append(node.func.id)
        self.generic_visit(node)


cc = CallCounter()
cc.visit(ast.parse("f(g(1), h(x=k(2)))\nprint(len(s))"))
print(cc.calls)


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(value=node.value * 2), node)
        return node


t = Doubler().visit(ast.parse("x = 1 + 20", mode="eval" if False else "exec"))
print(ast.dump(t))


class DropPass(ast.NodeTransformer):
    def visit_Pass(self, node):
        return None


t = DropPass().visit(ast.parse("if x:\n    pass\n    y = 1\n"))
print(ast.dump(t))

# compile a made-up tree's values back through literal_eval
node = ast.Expression(body=ast.List(elts=[ast.Constant(value=1), ast.Constant(value="s")], ctx=ast.Load()))
print(ast.literal_eval(node))
print(ast.dump(ast.BinOp(left=ast.Name(id="a", ctx=ast.Load()), op=ast.Add(), right=ast.Constant(value=1))))

# docstrings, locations
print(ast.get_docstring(ast.parse('"""Module doc.\n\n    more\n"""\nx = 1')))
print(ast.get_docstring(ast.parse("def f():\n    'one line'\n").body[0]), ast.get_docstring(ast.parse("x = 1")))
new = ast.fix_missing_locations(ast.Module(body=[ast.Expr(value=ast.Name(id="z", ctx=ast.Load()))], type_ignores=[]))
print(new.body[0].lineno, new.body[0].col_offset, new.body[0].value.lineno)
moved = ast.increment_lineno(ast.parse("a\nb"), 10)
print([s.lineno for s in moved.body])
print(list(ast.iter_fields(ast.parse("x").body[0])) [0][0], len(list(ast.iter_child_nodes(ast.parse("a = b")))))

try:
    ast.parse("x = = 1")
except SyntaxError:
    print("SyntaxError")
try:
    ast.dump("not a node")
except TypeError as e:
    print("TypeError:", e)
