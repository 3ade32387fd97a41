import sys, io, contextlib
old = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, sep="-")
text = sys.stdout.getvalue()
sys.stdout = old
print(repr(text))
with contextlib.redirect_stdout(io.StringIO()) as f:
    print("inside", end="!")
    sys.stdout.write("w")
print(repr(f.getvalue()))
print("after", file=sys.stdout, flush=True)
sys.stdout.write("direct\n")
