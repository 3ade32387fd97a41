"""A small Mako-like template engine: templates are compiled to Python source, compiled with
compile() and run with exec() in a namespace dict; plus string.Template and str.format breadth."""
import re
import html
import string
import io

TOKEN = re.compile(r'(\$\{.*?\}|<%.*?%>|^\s*%.*?$)', re.M | re.S)


class Template:
    def __init__(self, text, name="<template>"):
        self.source = self._generate(text)
        self.code = compile(self.source, name, "exec")

    def _generate(self, text):
        lines = ["def render(__out, __ctx):", "    __w = __out.write"]
        indent = 1
        for part in TOKEN.split(text):
            if not part:
                continue
            if part.startswith("${"):
                expr = part[2:-1].strip()
                filt = None
                if "|" in expr:
                    expr, filt = [x.strip() for x in expr.rsplit("|", 1)]
                call = "str(%s)" % expr
                if filt == "h":
                    call = "__escape(%s)" % call
                elif filt == "u":
                    call = "%s.upper()" % call
                lines.append("    " * indent + "__w(%s)" % call)
            elif part.startswith("<%"):
                for code_line in part[2:-2].strip().splitlines():
                    lines.append("    " * indent + code_line.strip())
            elif part.strip().startswith("%"):
                stmt = part.strip()[1:].strip()
                if stmt.startswith("end"):
                    indent -= 1
                elif stmt.startswith(("else", "elif")):
                    lines.append("    " * (indent - 1) + stmt)
                else:
                    lines.append("    " * indent + stmt)
                    indent += 1
            else:
                lines.append("    " * indent + "__w(%r)" % part)
        return "\n".join(lines) + "\n"

    def render(self, **ctx):
        ns = {"__escape": html.escape}
        ns.update(ctx)
        exec(self.code, ns)
        out = io.StringIO()
        ns["render"](out, ctx)
        return out.getvalue()


PAGE = """<html><head><title>${title | h}</title></head>
<body>
<% total = 0 %>
% for i, row in enumerate(rows):
  % if i % 2 == 0:
<tr class="even">
  % else:
<tr class="odd">
  % endif
% for cell in row:
<td>${cell}</td><% total += cell %>
% endfor
</tr>
% endfor
<p>Total: ${total} of ${len(rows)} rows, ${title | u}</p>
</body></html>
"""

t = Template(PAGE)
print(t.source.count("\n"), t.source.splitlines()[:4])
out = t.render(title="Tables & <Chairs>", rows=[[i * j for j in range(4)] for i in range(5)])
print(out)
for n in (10, 100):
    s = t.render(title="x" * n, rows=[list(range(n % 7))] * 3)
    print(len(s), s.count("<td>"))

ns = {}
exec("def f(x):\n    return x * k\nk = 3\n", ns)
print(ns["f"](5), sorted(k for k in ns if not k.startswith("__")))
loc = {}
exec("y = a + 1", {"a": 41}, loc)
print(loc)
code = compile("a * 2 + len(s)", "<expr>", "eval")
print(eval(code, {"a": 5, "s": "abc"}), eval("a", {}, {"a": 9}), eval("[x*x for x in range(n)]", {"n": 4}))

T = string.Template("$who likes ${what}; $$5 for $who")
print(T.substitute(who="tim", what="kung pao"), T.safe_substitute(who="ann"))
try:
    T.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
class MyT(string.Template):
    delimiter = "%"
print(MyT("%name is %{age}").substitute({"name": "bo", "age": 3}), T.get_identifiers() if hasattr(T, "get_identifiers") else None)

fmt = [
    ("{0} {1} {0}", ("a", "b")), ("{:>10}|{:<6}|{:^7}|", ("r", "l", "c")), ("{:*^11}", ("mid",)),
    ("{:+d} {: d} {:05d} {:x} {:#X} {:o} {:#b} {:,} {:_}", (5, 6, 42, 255, 255, 8, 5, 1234567, 1234567)),
    ("{:.3f} {:e} {:.2%} {:g} {:10.4g}|{:<10.2e}|", (3.14159, 12345.678, 0.256, 1e-5, 123456.0, 0.000123)),
    ("{!r} {!s} {!a}", ("x", "y", "\u00e9")), ("{0[1]} {1[k]} {2.real}", ([1, 2], {"k": "v"}, 3)),
    ("{:{w}.{p}f}", (2.71828,)), ("{:%Y}", ()), ("{:c}{:c}", (72, 105)),
]
for f, args in fmt:
    try:
        print(repr(f.format(*args, w=8, p=2)))
    except Exception as e:
        print(f, type(e).__name__)
print("%s %r %5d %-5s| %.2f %x %o %e %c %%" % ("s", "r", 42, "ab", 3.14159, 255, 8, 1234.5, 65))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%5d|%-4d|" % (1, 2), "%.3s" % "abcdef", "%+.1f" % 2.25)
print(format(1234.5678, ",.2f"), format(0.5, ".0%"), format(42, "08b"), format("s", "^5"), format(-0.0, "+.1f"))
print(str.format_map("{x}-{y}", {"x": 1, "y": 2}), "{:n}".format(1000), f"{'nested {}'!r:>20}", f"{3.0:.{2}f}")
print(html.escape("<a href='x'>&</a>"), html.escape('"q"', quote=False), html.unescape("&lt;p&gt; &amp;amp; &#65;&#x42; &eacute;"))
