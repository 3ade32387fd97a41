# The errors the library modules written in the language raise, in English: the same words as
# CPython's (they are looked up by id in the program's language pack, English here).
import array
import base64
import binascii
import bisect
import csv
import dataclasses
import decimal
import enum
import fractions
import functools
import io
import itertools
import operator
import pathlib
import queue
import random
import statistics
import string
import textwrap
import uuid
from collections import namedtuple


def show(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("no error")


show(statistics.mean, [])
show(statistics.fmean, [])
show(statistics.fmean, [1, 2], [1])
show(statistics.median, [])
show(statistics.mode, [])
show(statistics.variance, [1])
show(statistics.stdev, [1])
show(statistics.pvariance, [])
show(statistics.pstdev, [])
show(statistics.harmonic_mean, [])
show(statistics.harmonic_mean, [-1, 2])
show(statistics.geometric_mean, [])
show(statistics.quantiles, [1, 2, 3], n=0)
show(statistics.quantiles, [1])
show(statistics.quantiles, [1, 2, 3], method="middle")
show(random.choice, [])
show(random.randrange, 0)
show(random.randrange, 5, 2)
show(random.randrange, 1, 10, 0)
show(random.sample, [1, 2], 5)
show(random.sample, {1, 2}, 1)
show(random.choices, [1, 2], [1])
show(random.choices, [1, 2], [0, 0])
show(random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
show(random.gammavariate, -1, 1)
show(random.seed, [1])
show(fractions.Fraction, 1, 0)
show(fractions.Fraction, "x/y")
show(fractions.Fraction, 1.5, 2)
show(lambda: fractions.Fraction(0) ** -1)
show(lambda: fractions.Fraction(1, 3).limit_denominator(0))
show(fractions.Fraction.from_float, "1")
show(bisect.bisect_left, [1], 1, -1)
show(itertools.tee, [1], -1)
show(lambda: queue.Queue().task_done())
show(lambda: queue.Queue().get(timeout=-1))
show(textwrap.wrap, "abc", 0)
show(string.Template("$").substitute)


class Color(enum.Enum):
    RED = 1


show(Color, 7)


@dataclasses.dataclass
class P:
    x: int
    y: int


show(P, 1, 2, 3)
show(P)
show(P, 1)
show(P, 1, x=1)
show(P, 1, 2, z=3)
show(dataclasses.asdict, 1)
show(dataclasses.replace, 1)


@dataclasses.dataclass(frozen=True)
class F:
    a: int


def assign():
    F(1).a = 2


show(assign)
Pt = namedtuple("Pt", "x y")
show(Pt, 1, 2, 3)
show(Pt, 1)
show(Pt)
show(Pt, 1, 2, w=1)
show(namedtuple, "T", "a a")
show(namedtuple, "T", "_a")
show(namedtuple, "T", "def")
show(Pt(1, 2)._replace, z=1)
show(functools.partial, 1)
show(functools.total_ordering, type("T", (), {}))
show(operator.concat, 1, 2)
show(operator.indexOf, [1], 2)
show(operator.attrgetter, 1)
show(uuid.UUID, "xyz")
show(uuid.UUID)
show(uuid.UUID, fields=(1, 2, 3, 4, 5))
show(uuid.UUID, fields=(1 << 40, 0, 0, 0, 0, 0))
show(uuid.UUID, fields=(0, 0, 0, 1 << 9, 0, 0))
show(uuid.UUID, int=-1)
show(csv.get_dialect, "nope")
show(lambda: list(csv.reader(['"a"b'], strict=True)))
show(lambda: csv.writer(io.StringIO()).writerow(1))
show(lambda: csv.DictWriter(io.StringIO(), ["a"]).writerow({"b": 1}))
show(csv.DictWriter, io.StringIO(), ["a"], extrasaction="x")
show(array.array, "z")
show(array.array, "b", [300])
show(array.array, "B", [-1])
show(array.array, "b", "ab")
show(lambda: array.array("b").pop())
show(lambda: array.array("b", [1]).remove(5))
show(lambda: array.array("d", ["x"]))
show(lambda: pathlib.PurePath("/").with_name("x"))
show(lambda: pathlib.PurePath("a/b").with_suffix("x"))
show(lambda: pathlib.Path("/no/such/file/here").stat())
show(binascii.unhexlify, b"abc")
show(binascii.unhexlify, b"zz")
show(binascii.a2b_base64, b"abcde")
show(base64.b64decode, "abc")
show(base64.b16decode, b"zz")
show(base64.b64decode, 1.5)
show(lambda: io.StringIO().write(1))
show(lambda: io.BytesIO().write("x"))
show(io.BytesIO().seek, -1)
show(io.BytesIO().seek, 0, 5)
s = io.StringIO()
s.close()
show(s.getvalue)
b = io.BytesIO()
b.close()
show(b.getvalue)
show(decimal.Decimal, object())
show(lambda: int(decimal.Decimal("inf")))
show(lambda: decimal.Decimal("nan").as_integer_ratio())
show(decimal.Context, prec=0)
