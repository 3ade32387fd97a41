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


class ABCMeta(type):
    """Metaclass of abstract classes: a class keeps the names of the abstract methods it has not
    implemented in __abstractmethods__, and cannot be instantiated while there are any."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items()
                     if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if getattr(getattr(cls, key, None), "__isabstractmethod__", False):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def __call__(cls, *args, **kwargs):
        missing = cls.__abstractmethods__
        if missing:
            names = sorted(missing)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        _registry.setdefault(cls, []).append(subclass)
        return subclass


class ABC(metaclass=ABCMeta):
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        for base in cls.__mro__:
            if _registered(base, C):
                return True
        return NotImplemented
