import argparse, io, sys

def run(parser, args):
    """Parses args; errors and help go to stdout here so the test sees them."""
    saved = sys.stdout, sys.stderr
    buf = io.StringIO()
    sys.stdout = sys.stderr = buf
    try:
        ns = parser.parse_args(args)
        result = ns
    except SystemExit as e:
        result = f"exit {e.code}"
    finally:
        sys.stdout, sys.stderr = saved
    if buf.getvalue():
        print(buf.getvalue(), end="")
    print(result)

p = argparse.ArgumentParser(prog="tool", description="Process some files and numbers quickly, with many options that wrap over more than one line of help text.", epilog="See the manual for more.")
p.add_argument("src", help="the input file")
p.add_argument("dst", nargs="?", default="out.txt", help="where to write (default: %(default)s)")
p.add_argument("-n", "--count", type=int, default=3, help="how many times")
p.add_argument("-v", "--verbose", action="store_true", help="talk more")
p.add_argument("-q", action="store_false", dest="loud")
p.add_argument("--mode", choices=["fast", "slow"], default="fast", help="speed: %(choices)s")
p.add_argument("--tag", action="append", help="add a tag (repeatable)")
p.add_argument("-d", action="count", default=0, help="debug level")
p.add_argument("--ratio", type=float, metavar="R", help="a ratio")
p.add_argument("--pair", nargs=2, metavar=("A", "B"))
p.add_argument("--items", nargs="*", default=[])
p.add_argument("--version", action="version", version="%(prog)s 1.0")
run(p, ["in.txt"])
run(p, ["in.txt", "o.txt", "-n", "5", "-vv" if False else "-v", "--tag", "x", "--tag=y", "-ddd", "--mode", "slow"])
run(p, ["--ratio", "0.5", "a", "--pair", "1", "2", "--items", "p", "q", "-q"])
run(p, ["--cou", "7", "a"])
run(p, ["-n7", "a"])
run(p, [])
run(p, ["a", "-n", "x"])
run(p, ["a", "--mode", "medium"])
run(p, ["a", "b", "c"])
run(p, ["a", "--bogus"])
run(p, ["a", "--pair", "1"])
run(p, ["--version"])
run(p, ["-h"])
print(p.format_usage(), end="")

g = argparse.ArgumentParser(prog="grp", add_help=False)
x = g.add_mutually_exclusive_group(required=True)
x.add_argument("--on", action="store_true")
x.add_argument("--off", action="store_true")
opts = g.add_argument_group("tuning", "Knobs for tuning.")
opts.add_argument("--level", type=int, default=1, help="level to use")
g.add_argument("files", nargs="+")
run(g, ["--on", "f1", "f2"])
run(g, ["--on", "--off", "f"])
run(g, ["f"])
print(g.format_help(), end="")

s = argparse.ArgumentParser(prog="git")
s.add_argument("--git-dir", default=".git")
sub = s.add_subparsers(dest="command", help="sub-command help")
c = sub.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
pu = sub.add_parser("push", help="update remote")
pu.add_argument("remote", nargs="?", default="origin")
run(s, ["commit", "-m", "msg"])
run(s, ["--git-dir", "x", "push"])
run(s, ["push", "up"])
run(s, ["commit"])
run(s, ["pull"])
run(s, ["-h"])

ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns, vars(ns))
def positive(text):
    v = int(text)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive")
    return v
t = argparse.ArgumentParser(prog="t", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
t.add_argument("--size", type=positive, default=4, help="block size")
t.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True, help="a flag")
run(t, ["--size", "-3"])
run(t, ["--size", "8", "--no-flag"])
print(t.format_help(), end="")
known, rest = t.parse_known_args(["--size", "2", "extra", "--x"])
print(known, rest)
t.set_defaults(size=9, other="o")
print(t.parse_args([]), t.get_default("size"))
try:
    t.add_argument("--size")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
