def f(a: int, b: "str" = "x") -> list:
    return [a, b]
print(f.__annotations__)
class P:
    x: int
    y: float = 1.0
print(P.__annotations__)
def g(): pass
print(g.__annotations__)
import typing
print(typing.get_type_hints(f))
class Q:
    a: "int"
    b: list[int]
    def m(self, x: "Q", y: "list[Q] | None" = None) -> None: pass
print(typing.get_type_hints(Q), typing.get_type_hints(Q.m), Q().m.__annotations__)
def h(*args: int, k: str = "", **kw: float) -> "Q": pass
print(h.__annotations__, typing.get_type_hints(h), h.__defaults__, h.__kwdefaults__)
g.__annotations__["x"] = 1
print(g.__annotations__, (lambda: 0).__annotations__)
from dataclasses import dataclass, fields
@dataclass
class D:
    x: int
    y: "str" = "a"
print([(f.name, f.type) for f in fields(D)], D(1))
print(int | str, int | None, (int | str) == (str | int), isinstance(3, int | str), isinstance(None, int | None), list[int], dict[str, list[int]], tuple[int, ...])
print(list[int]([1, 2]), list[int] == list[int], type(int | str).__name__)
