"""Abstract base classes for numbers (Python's numbers module): Number > Complex > Real >
Rational > Integral, with complex, float and int (so bool) registered."""
import abc
from abc import ABCMeta

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        # C belongs to cls when it (or a base of it) is registered to cls or to a subclass of
        # cls: float registered to Real is a Complex and a Number, not an Integral
        mro = getattr(C, "__mro__", (C,))
        for abstract, subs in list(abc._registry.items()):
            if isinstance(abstract, type) and cls in abstract.__mro__:
                for s in subs:
                    if s in mro:
                        return True
        return NotImplemented


class Complex(Number):
    __slots__ = ()


class Real(Complex):
    __slots__ = ()


class Rational(Real):
    __slots__ = ()


class Integral(Rational):
    __slots__ = ()


Complex.register(complex)
Real.register(float)
Integral.register(int)
