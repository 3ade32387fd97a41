"""Abstract base classes: ABC, abstractmethod, and registration of virtual subclasses.

Membership goes through __subclasshook__ (isinstance/issubclass consult it); a class's
register()ed subclasses and the classes that define its required methods belong to it.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
           "abstractproperty", "get_cache_token"]

_registry = {}


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


def get_cache_token():
    return len(_registry)


def _registered(cls, sub):
    for c in sub.__mro__:
        if c in _registry.get(cls, ()):
            return True
    return False


class ABC:
    __slots__ = ()

    @classmethod
    def register(cls, subclass):
        _registry.setdefault(cls, []).append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, C):
        for base in cls.__mro__:
            if _registered(base, C):
                return True
        return NotImplemented


ABCMeta = type
