from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext
import contextlib, types

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("a") as t:
    print("inside", t)

try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)

with swallow():
    raise KeyError("k")
print("after swallow")

@tag("deco")
def decorated(x):
    print("running", x)
    return x * 2
print(decorated(3))
print(decorated(4))

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")

class Res:
    def __init__(self, n): self.n = n
    def close(self): print("closed", self.n)
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, *a): print("exit", self.n); return False

with closing(Res(1)) as r:
    print("using", r.n)

with ExitStack() as stack:
    for i in range(3):
        stack.enter_context(Res(i))
    stack.callback(print, "callback ran")
    print("body")

with nullcontext(5) as v:
    print(v)

stack = ExitStack()
stack.callback(print, "later")
moved = stack.pop_all()
stack.close()
print("moving")
moved.close()

try:
    with ExitStack() as s:
        s.enter_context(Res(9))
        raise RuntimeError("inner")
except RuntimeError as e:
    print("got", e)

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.LambdaType))
def g(): yield
print(isinstance(g(), types.GeneratorType), isinstance(types, types.ModuleType), type(None) is types.NoneType)
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "A well-known, state-of-the-art example -- with em-dashes -- and extraordinarilylongwordsthatneedbreaking here.")
for w in (10, 20, 33, 50):
    print(textwrap.fill(text, width=w))
    print("---")
print(textwrap.wrap(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("tab\there  and\nnewline", 8))
print(textwrap.shorten("Hello  world!  This is a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=11))
print(textwrap.wrap(text, 30, max_lines=2))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.fill("Hi there. How are you? Fine.", 40, fix_sentence_endings=True))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # odd
    """)))
print(repr(textwrap.dedent("  a\n\tb\n")))
print(repr(textwrap.indent("a\n\nb\n", "> ")))
print(repr(textwrap.indent("a\n\nb\n", "+ ", lambda line: True)))
w = textwrap.TextWrapper(width=12, drop_whitespace=False)
print(w.wrap("  leading and trailing  "))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.fill("Ünïcödé wörds ärë wräppëd tóó", 10))
print("%(name)s is %(age)d years, %(name)r again; %%" % {"name": "Ann", "age": 7})
print("%(x)5.2f|%(y)-4s|" % {"x": 3.14159, "y": "ab"})
