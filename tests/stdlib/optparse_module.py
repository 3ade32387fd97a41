# optparse: options of every action and type, defaults, groups, help layout, errors.
import sys
from optparse import OptionParser, OptionGroup, make_option, OptionValueError, Values

sys.stderr = sys.stdout  # errors and usage go where the expected output can see them


def scale(option, opt, value, parser, factor):
    setattr(parser.values, option.dest, value * factor)


parser = OptionParser(usage="%prog [options] FILE...", version="%prog 1.2", prog="tool",
                      description="Process the files given, after the options, in order. "
                                  "This description is long enough to be wrapped over lines.")
parser.add_option("-v", "--verbose", action="count", dest="verbosity", default=0, help="more output")
parser.add_option("-q", "--quiet", action="store_false", dest="loud", default=True, help="less output")
parser.add_option("-n", "--number", type="int", default=3, help="how many [default: %default]")
parser.add_option("-r", "--ratio", type="float", metavar="R")
parser.add_option("-o", "--output", dest="out", help="write the result to FILE, which is created if it "
                                                      "does not exist and overwritten otherwise", metavar="FILE")
parser.add_option("-I", action="append", dest="include", default=[], help="add a folder")
parser.add_option("--mode", type="choice", choices=["fast", "slow"], default="fast")
parser.add_option("--const", action="store_const", const=42)
parser.add_option("--pair", nargs=2, type="int")
parser.add_option("--triple", type="int", action="callback", callback=scale, callback_args=(3,), dest="tripled")
group = OptionGroup(parser, "Dangerous options", "Caution: use at your own risk.")
group.add_option("-g", action="store_true", help="group option")
parser.add_option_group(group)

opts, args = parser.parse_args(["-vv", "-q", "--number=7", "-r", "0.5", "-oout.txt", "-Ia", "-I", "b",
                                "file1", "--mode", "slow", "--const", "--pair", "1", "2", "--triple", "5",
                                "file2", "--", "-notanoption"])
print(sorted(vars(opts).items()))
print(args)
opts, args = parser.parse_args([])
print(opts.verbosity, opts.loud, opts.number, opts.ratio, opts.out, opts.include, opts.mode, args)
print(parser.parse_args(["--verb", "--num", "0x10"])[0].number)
print(opts == Values(vars(opts)), parser.get_usage(), end="")
print(parser.has_option("-v"), parser.get_option("--mode").choices, parser.get_prog_name())
parser.print_help()
print("---")
for bad in [["-x"], ["--number", "many"], ["--mode", "medium"], ["--numb"], ["-n"], ["--quiet=yes"],
            ["--pair", "1"], ["--version"], ["--help"]]:
    try:
        parser.parse_args(bad)
    except SystemExit as exc:
        print("exit", exc.code)

p2 = OptionParser(add_help_option=False)
p2.add_option("--x-y", type=int)
p2.add_option(make_option("-z", action="store_true"))
p2.disable_interspersed_args()
values, rest = p2.parse_args(["--x-y", "4", "arg", "-z"])
print(values, rest, repr(values).startswith("<Values at 0x"))
p2.set_defaults(z=False)
print(p2.parse_args(["-z"])[0])
try:
    p2.add_option("-z")
except Exception as exc:
    print(type(exc).__name__, exc)
