"""An order-management model: dataclasses (defaults, default_factory, order, frozen,
__post_init__, replace, asdict), Enum/IntFlag/auto, typing annotations, and a json round trip
with a custom encoder and object_hook."""
import json
from dataclasses import dataclass, field, asdict, replace, fields
from decimal import Decimal
from enum import Enum, IntFlag, auto
from typing import Dict, List, Optional


class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"

    def can_become(self, other: "Status") -> bool:
        return other in _TRANSITIONS[self]


_TRANSITIONS = {
    Status.NEW: {Status.PAID, Status.CANCELLED},
    Status.PAID: {Status.SHIPPED, Status.CANCELLED},
    Status.SHIPPED: set(),
    Status.CANCELLED: set(),
}


class Perm(IntFlag):
    READ = auto()
    WRITE = auto()
    REFUND = auto()
    ADMIN = READ | WRITE | REFUND


@dataclass(frozen=True, order=True)
class Sku:
    code: str
    variant: int = 0

    def __str__(self):
        return f"{self.code}-{self.variant}"


@dataclass
class Line:
    sku: Sku
    qty: int
    unit: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit * self.qty


@dataclass
class Order:
    id: int
    customer: str
    lines: List[Line] = field(default_factory=list)
    status: Status = Status.NEW
    notes: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict, repr=False)
    total: Decimal = field(init=False, default=Decimal(0))

    def __post_init__(self):
        self.recompute()

    def recompute(self):
        self.total = sum((l.total for l in self.lines), Decimal(0))

    def add(self, sku, qty, unit):
        self.lines.append(Line(sku, qty, Decimal(unit)))
        self.recompute()
        return self

    def move(self, new, who: Perm):
        if not self.status.can_become(new):
            raise ValueError(f"order {self.id}: {self.status.value} -> {new.value} not allowed")
        if new is Status.CANCELLED and self.status is Status.PAID and not (who & Perm.REFUND):
            raise PermissionError(f"order {self.id}: refund needs {Perm.REFUND!r}")
        self.status = new


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return {"__decimal__": str(o)}
        if isinstance(o, Enum):
            return {"__enum__": type(o).__name__, "value": o.value}
        if isinstance(o, Sku):
            return {"__sku__": [o.code, o.variant]}
        return super().default(o)


def decode(d):
    if "__decimal__" in d:
        return Decimal(d["__decimal__"])
    if "__enum__" in d:
        return Status(d["value"])
    if "__sku__" in d:
        return Sku(*d["__sku__"])
    return d


def order_from(d):
    lines = [Line(**l) for l in d.pop("lines")]
    d.pop("total")
    return Order(lines=lines, **d)


orders = [
    Order(1, "ada").add(Sku("AB", 1), 2, "3.50").add(Sku("CD"), 1, "10"),
    Order(2, "bob", notes="gift").add(Sku("AB", 2), 5, "1.25"),
    Order(3, "cy", meta={"channel": "web"}),
]
print(orders[0])
print(sorted({l.sku for o in orders for l in o.lines}))
print([str(s) for s in sorted([Sku("Z"), Sku("A", 3), Sku("A", 1)])])
print([f.name for f in fields(Order)], Perm.ADMIN, Perm.READ | Perm.WRITE, Perm(5))

for oid, new, who in [(1, Status.PAID, Perm.WRITE), (1, Status.CANCELLED, Perm.WRITE),
                      (1, Status.CANCELLED, Perm.ADMIN), (2, Status.SHIPPED, Perm.READ),
                      (3, Status.CANCELLED, Perm.READ)]:
    o = orders[oid - 1]
    try:
        o.move(new, who)
        print("ok", oid, o.status.name)
    except (ValueError, PermissionError) as e:
        print(type(e).__name__, e)

text = json.dumps([asdict(o) for o in orders], cls=Encoder, sort_keys=True)
print(len(text), text[:120])
back = [order_from(d) for d in json.loads(text, object_hook=decode)]
print(back == orders, [o.total for o in back], back[1].status)
c = replace(back[0], id=10, customer="dee")
print(c.id, c.customer, c.total, c.lines is back[0].lines)
try:
    Sku("X").code = "Y"
except Exception as e:
    print(type(e).__name__, e)
print(json.dumps({"status": Status.PAID, "n": Decimal("1.10")}, cls=Encoder, indent=2))
