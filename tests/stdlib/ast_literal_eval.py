# ast.literal_eval: Python literals only, anything else refused with ValueError.
import ast

cases = [
    "42", "-7", "+3", "3.25", "-0.5", "1e10", "0x1F", "0o17", "0b101", "1_000_000",
    "123456789012345678901234567890", "2j", "1+2j", "-1-2j", "3.5-1j",
    "'text'", '"double"', "'''tri\nple'''", "'a' 'b'", "b'bytes'", "r'\\n raw'", "'\\u00e9\\t'",
    "True", "False", "None", "...",
    "[1, 2, 3]", "(1,)", "()", "(1, 'two', 3.0)", "[]", "{}", "{'a': 1, 'b': [2, 3]}",
    "{1, 2, 3}", "set()", "[[1, [2, [3]]], {'k': (4, 5)}]", "  [1, 2]", "\t{'x': None}",
    "(((1)))", "[1, -2, +3]", "{'nested': {'deeper': {'deepest': True}}}",
]
for src in cases:
    value = ast.literal_eval(src)
    print(repr(src), "->", repr(value), type(value).__name__)

refused = [
    "x", "1 + x", "f()", "[i for i in range(3)]", "{**d}", "'a' + 'b'", "2 * 3", "1 + 2",
    "lambda: 0", "__import__('os')", "set([1])", "-'a'", "a.b", "[1, 2][0]", "not True",
    "1 if True else 2", "(1, *t)",
]
for src in refused:
    try:
        ast.literal_eval(src)
        print(repr(src), "accepted?")
    except ValueError as e:
        print(repr(src), "-> ValueError:", str(e).split(":")[0])

for bad in ["[1, 2", "1 +", "'unterminated", "{1: }"]:
    try:
        ast.literal_eval(bad)
    except SyntaxError:
        print(repr(bad), "-> SyntaxError")

# a node works too, and an Expression
print(ast.literal_eval(ast.parse("[1, (2, 3)]", mode="eval")))
print(ast.literal_eval(ast.parse("{'k': -1}", mode="eval").body))
print(ast.literal_eval(ast.Constant(value=5)))
