from typing import List, Dict, Optional, Union, Callable, Tuple, Any, TypeVar, Generic, Iterator, cast, Sequence
T = TypeVar("T")
print(List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str], Tuple[int, ...], Any, T)
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(3); print(s.items, cast(int, "x"), Optional[List[int]])
def f(xs: Sequence[int]) -> Iterator[int]: yield from xs
print(list(f([1, 2])), List[int] == List[int], isinstance([], Sequence))
