import re
from string import Template

TEMPLATE = """<table>
% for row in rows:
<tr>${cells(row)}</tr>
% endfor
</table>
<p>${title | upper}</p>"""

def render(src, ctx):
    out = []
    lines = src.split("\n")
    i = 0
    def subst(line, scope):
        def repl(m):
            expr = m.group(1).strip()
            filt = None
            if "|" in expr:
                expr, filt = [s.strip() for s in expr.split("|", 1)]
            if "(" in expr:
                fname, arg = expr[:-1].split("(")
                val = scope[fname](scope[arg])
            else:
                val = scope[expr]
            val = str(val)
            if filt == "upper":
                val = val.upper()
            return val
        return re.sub(r"\$\{([^}]*)\}", repl, line)
    while i < len(lines):
        line = lines[i]
        m = re.match(r"%\s*for (\w+) in (\w+):", line)
        if m:
            var, seq = m.groups()
            body = []
            i += 1
            while not lines[i].startswith("% endfor"):
                body.append(lines[i])
                i += 1
            for item in ctx[seq]:
                scope = dict(ctx)
                scope[var] = item
                for b in body:
                    out.append(subst(b, scope))
        else:
            out.append(subst(line, ctx))
        i += 1
    return "\n".join(out)

ctx = {"rows": [[i * j for j in range(4)] for i in range(3)], "title": "Table of products",
       "cells": lambda row: "".join("<td>%d</td>" % c for c in row)}
print(render(TEMPLATE, ctx))
t = Template("$who likes ${what}s, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print("{:>8}|{:<6}|{:^7}|{:08.3f}|{:,}|{:x}|{!r}".format("right", "left", "mid", 3.14159, 1234567, 255, "q"))
print("%-10s|%5.2f|%+d|%05d|%e|%g" % ("pct", 2.5, 3, 42, 12345.678, 0.0001234))
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join(w.capitalize() for w in words), "-".join(sorted(set(words), key=lambda w: (len(w), w))), "dog".center(9, "*"))
print("a,b;c d".translate(str.maketrans(",;", "  ")).split(), "Hello".zfill(8), "tab\there".expandtabs(4), "x".join("abc"))
