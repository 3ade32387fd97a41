"""An inventory command-line tool in the style of a small real program: argparse with
subcommands, logging through a custom formatter and a logger hierarchy, csv in memory,
string formatting of a report, and sys.exit codes."""
import argparse
import csv
import io
import logging
import sys
from collections import OrderedDict

DATA = """sku,name,qty,price,tags
A100,widget,12,2.50,metal;small
A200,gadget,0,13.99,plastic
B300,doohickey,7,0.75,metal;tiny
C400,thingamajig,31,4.20,
D500,whatsit,3,99.00,premium;metal
"""


class ShortFormatter(logging.Formatter):
    def format(self, record):
        record.short = record.name.rsplit(".", 1)[-1]
        return super().format(record)


def setup_logging(verbosity):
    root = logging.getLogger("inv")
    root.handlers.clear()
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(ShortFormatter("%(levelname)-7s %(short)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING - 10 * verbosity)
    root.propagate = False
    return root


log_load = logging.getLogger("inv.load")
log_report = logging.getLogger("inv.report")


def load(text):
    rows = []
    for i, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            row["qty"] = int(row["qty"])
            row["price"] = float(row["price"])
        except ValueError as e:
            log_load.error("line %d: %s", i, e)
            continue
        row["tags"] = [t for t in row["tags"].split(";") if t]
        rows.append(row)
        log_load.debug("loaded %(sku)s (%(name)s)", row)
    log_load.info("%d items", len(rows))
    return rows


def cmd_list(args, rows):
    shown = [r for r in rows if not args.tag or args.tag in r["tags"]]
    if args.sort:
        shown.sort(key=lambda r: (r[args.sort], r["sku"]), reverse=args.reverse)
    width = max(len(r["name"]) for r in shown) if shown else 4
    print(f"{'SKU':<5} {'NAME':<{width}} {'QTY':>4} {'PRICE':>8}")
    for r in shown:
        print(f"{r['sku']:<5} {r['name']:<{width}} {r['qty']:>4d} {r['price']:>8.2f}")
    return 0


def cmd_value(args, rows):
    total = OrderedDict()
    for r in rows:
        for tag in r["tags"] or ["(none)"]:
            total[tag] = total.get(tag, 0.0) + r["qty"] * r["price"]
    for tag, v in sorted(total.items(), key=lambda kv: -kv[1]):
        log_report.debug("tag %s", tag)
        print(f"{tag:>10}: {v:10,.2f}")
    grand = sum(r["qty"] * r["price"] for r in rows)
    print(f"{'total':>10}: {grand:10,.2f}")
    return 0


def cmd_restock(args, rows):
    low = [r for r in rows if r["qty"] < args.below]
    for r in low:
        log_report.warning("%s is low (%d left)", r["sku"], r["qty"])
    if not low:
        return 0
    print("restock:", ", ".join("%s+%d" % (r["sku"], args.below - r["qty"]) for r in low))
    return 3 if any(r["qty"] == 0 for r in low) else 0


def build_parser():
    p = argparse.ArgumentParser(prog="inv", description="Inventory tool")
    p.add_argument("-v", "--verbose", action="count", default=0)
    sub = p.add_subparsers(dest="cmd", required=True)
    pl = sub.add_parser("list", help="list items")
    pl.add_argument("--tag")
    pl.add_argument("--sort", choices=["qty", "price", "name"])
    pl.add_argument("-r", "--reverse", action="store_true")
    pl.set_defaults(func=cmd_list)
    pv = sub.add_parser("value", help="stock value per tag")
    pv.set_defaults(func=cmd_value)
    pr = sub.add_parser("restock")
    pr.add_argument("--below", type=int, default=5)
    pr.set_defaults(func=cmd_restock)
    return p


def main(argv):
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    rows = load(DATA)
    return args.func(args, rows)


for argv in (["list"], ["-v", "list", "--tag", "metal", "--sort", "price", "-r"], ["-vv", "value"],
             ["restock", "--below", "8"], ["list", "--sort", "qty"]):
    print("$ inv", " ".join(argv))
    code = main(argv)
    print("exit", code)

parser = build_parser()
err = io.StringIO()
saved = sys.stderr
sys.stderr = err
try:
    parser.parse_args(["list", "--sort", "colour"])
except SystemExit as e:
    print("exit", e.code)
finally:
    sys.stderr = saved
print(err.getvalue().strip().splitlines()[-1])
print(parser.format_usage().strip())
