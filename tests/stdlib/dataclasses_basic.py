from dataclasses import dataclass, field, fields, asdict, replace, FrozenInstanceError
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1, 2); print(p, p == P(1, 2), p != P(1, 3), [f.name for f in fields(p)], asdict(p))
print(replace(p, y=5))
@dataclass(order=True, frozen=True)
class Q:
    a: int
    b: str = "z"
print(Q(1) < Q(2), Q(1, "a") < Q(1, "b"), hash(Q(1)) == hash(Q(1)))
try:
    Q(1).a = 3
except FrozenInstanceError as e:
    print("frozen", e)
try:
    P()
except TypeError as e:
    print(e)
@dataclass
class R(P):
    z: int = 9
    def __post_init__(self): self.w = self.x + self.z
r = R(1); print(r, r.w)
