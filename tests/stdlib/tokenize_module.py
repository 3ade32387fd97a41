import io
import token
import tokenize

src = '''def f(a, b=2):
    """Doc
    string."""
    # comment
    x = a ** 2 + 0x1F - 3.5e-2j  # trailing
    if x >= b and (a !=
                   b):
        return [x, 'q', r"\\d", f"{a}"]
    return ...
'''
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
toks = list(tokenize.generate_tokens(io.StringIO("a += 1\n").readline))
print(toks[1], toks[1].exact_type == token.PLUSEQUAL, toks[0].exact_type == token.NAME)
btoks = list(tokenize.tokenize(io.BytesIO(b"x = 1\nprint(x)").readline))
print([(token.tok_name[t.type], t.string) for t in btoks])
print(tokenize.untokenize(btoks))
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(src).readline)) == src)
try:
    list(tokenize.generate_tokens(io.StringIO("x = (1,\n").readline))
except tokenize.TokenError as e:
    print("TokenError", e.args)
try:
    list(tokenize.generate_tokens(io.StringIO("if x:\n        a\n    b\n").readline))
except IndentationError as e:
    print("IndentationError", e.args[0])
