# A usage line too long for the width wraps where CPython wraps it: bracketed and
# parenthesized groups stay whole, a required option and its argument may part.
import argparse

parser = argparse.ArgumentParser(prog="argparse_bm.py push")
parser.add_argument("--dryrun", action="store_true")
parser.add_argument("--timeout", type=int, default=30)
parser.add_argument("--username", required=True)
parser.add_argument("--password", required=True)
print(parser.format_usage())
many = argparse.ArgumentParser(prog="tool")
group = many.add_mutually_exclusive_group(required=True)
group.add_argument("--alpha-option", metavar="ALPHA_VALUE")
group.add_argument("--beta-option", metavar="BETA_VALUE")
many.add_argument("--gamma", required=True, metavar="GAMMA_VALUE_THAT_IS_LONG")
many.add_argument("inputs", nargs="+")
many.add_argument("output")
print(many.format_usage())
