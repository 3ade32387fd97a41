# telco-like decimal, pidigits-like big ints, enum, dataclasses, logging to a stream
from decimal import Decimal, getcontext, ROUND_DOWN, ROUND_HALF_EVEN, localcontext
import enum, dataclasses, io, logging, sys
getcontext().rounding = ROUND_DOWN
rates = [Decimal("0.0013"), Decimal("0.00894")]
disttax, basictax = Decimal("0.0341"), Decimal("0.0675")
total = Decimal(0)
for i, n in enumerate([246, 1500, 38, 999999, 12345678]):
    r = rates[i % 2]
    p = (r * n).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    b = (p * basictax).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    total += p + b
    print(n, p, b)
print(total, Decimal("1.10") + Decimal("2.205"), Decimal(7) / Decimal(3), str(Decimal("1e3")), Decimal("3.14159").quantize(Decimal("0.001")))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10*q, 10*(r-m*t), t, k, (10*(3*q+r))//t - 10*m, x
        else:
            q, r, t, k, m, x = q*k, (2*q+r)*x, t*x, k+1, (q*(7*k+2)+r*x)//(t*x), x+2
    return "".join(map(str, out))
print(pidigits(60))
class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
    BLUE = "b"
print(Color.RED, repr(Color.GREEN), Color("b"), Color["RED"], list(Color), len(Color), Color.RED in Color, Color.RED.name, Color.BLUE.value)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.R & 4, Perm(6), Perm.W in Perm(6), repr(Perm.R))
class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2
print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW]), Level(2), str(Level.LOW), f"{Level.HIGH}")
@dataclasses.dataclass(frozen=True, order=True)
class Item:
    name: str
    qty: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False)
it = Item("a", 2)
print(it, it < Item("b"), dataclasses.asdict(it), dataclasses.astuple(it), dataclasses.replace(it, qty=5), hash(it) == hash(Item("a", 2)))
try:
    it.qty = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
stream = io.StringIO()
log = logging.getLogger("bench")
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False
for i in range(3):
    log.info("iteration %d of %s", i, "three")
    log.debug("hidden")
log.warning("warn %r", {"k": 1})
print(stream.getvalue(), end="")
print(logging.getLevelName(logging.WARNING), log.isEnabledFor(logging.DEBUG), log.getEffectiveLevel())
