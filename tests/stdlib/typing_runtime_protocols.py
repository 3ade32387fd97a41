"""isinstance() against @runtime_checkable protocols (pyperformance's typing_runtime_protocols):
structural checks of data and method members, the Supports* protocols, errors for plain ones."""
from typing import (Protocol, runtime_checkable, SupportsInt, SupportsIndex, SupportsFloat,
                    SupportsAbs, SupportsRound, SupportsComplex)


@runtime_checkable
class HasX(Protocol):
    x: int


@runtime_checkable
class HasManyAttributes(Protocol):
    a: int
    b: int
    c: int
    d: int
    e: int


@runtime_checkable
class SupportsClose(Protocol):
    def close(self): ...


@runtime_checkable
class SupportsReadAndClose(SupportsClose, Protocol):
    def read(self): ...


class NotRuntime(Protocol):
    def go(self): ...


class Foo:
    x = 1
    a = b = c = d = e = 2

    def close(self):
        pass


class Bar:
    def __init__(self):
        self.x = 3

    def read(self):
        return "data"

    def close(self):
        pass


class Baz:
    close = None


def bench(n):
    hits = 0
    objs = [Foo(), Bar(), Baz(), 3, 2.5, "s", [], object(), 1j, True]
    for _ in range(n):
        for o in objs:
            for proto in (HasX, HasManyAttributes, SupportsClose, SupportsReadAndClose, SupportsInt,
                          SupportsIndex, SupportsFloat, SupportsAbs, SupportsRound, SupportsComplex):
                hits += isinstance(o, proto)
    return hits


print(bench(20))
for o in (Foo(), Bar(), Baz(), 3, 2.5, "s", 1j):
    print(type(o).__name__, [isinstance(o, p) for p in (HasX, HasManyAttributes, SupportsClose, SupportsReadAndClose,
                                                          SupportsInt, SupportsIndex, SupportsFloat, SupportsAbs, SupportsComplex)])
print(issubclass(Foo, SupportsClose), issubclass(int, SupportsIndex), issubclass(str, SupportsInt))
try:
    isinstance(Foo(), NotRuntime)
except TypeError as e:
    print("TypeError", e)
