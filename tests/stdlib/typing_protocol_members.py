# typing.Protocol: protocol classes are marked _is_protocol and cannot be instantiated; classes
# that implement one can; isinstance against a @runtime_checkable protocol checks members.
from typing import Protocol, runtime_checkable


@runtime_checkable
class HasX(Protocol):
    x: int


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class Explicit(HasX):
    def __init__(self):
        self.x = 1


class NoInit(Closer):
    def close(self):
        return "closed"


class Plain:
    x = 3


print(Protocol._is_protocol, HasX._is_protocol, Closer._is_protocol)
print(Explicit._is_protocol, NoInit._is_protocol, getattr(Plain, "_is_protocol", False))
for cls in (HasX, Closer):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
print(Explicit().x, NoInit().close())
print(isinstance(Explicit(), HasX), isinstance(Plain(), HasX), isinstance(object(), HasX))
print(isinstance(NoInit(), Closer), isinstance(open(__file__), Closer), isinstance(3, Closer))
print([c.__name__ for c in (HasX, Closer, Explicit, NoInit, Plain) if not getattr(c, "_is_protocol", False)])
