from __future__ import annotations
def f(a: int, b: list[str] = None) -> dict[str, int]:
    return {}
print(f.__annotations__)
class Node:
    next: Node | None
    def m(self, other: Node) -> Node: return self
print(Node.__annotations__, Node.m.__annotations__)
import typing
print(typing.get_type_hints(Node.m), typing.get_type_hints(f))
def k(x: typing.Optional[int] = None, *a: "tuple[int, ...]", **k: dict[str, list[int]]) -> typing.Callable[[int], str]: pass
print(k.__annotations__)
from dataclasses import dataclass
@dataclass(order=True)
class Pt:
    x: int = 0
    y: int = 0
    tags: list[str] | None = None
print(Pt(1, 2), Pt(1) < Pt(2), Pt.__annotations__)
