"""Names for the interpreter's types (Python's types module) and SimpleNamespace."""

import sys

__all__ = ["BuiltinFunctionType", "BuiltinMethodType", "CoroutineType", "FunctionType",
           "GeneratorType", "LambdaType", "MappingProxyType", "MethodType", "ModuleType",
           "NoneType", "EllipsisType", "NotImplementedType", "SimpleNamespace", "new_class",
           "GenericAlias", "UnionType"]


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
MappingProxyType = dict
CodeType = type(_f.__code__)
FrameType = type(sys._getframe())
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)


async def _co():
    pass


CoroutineType = type(_co())


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, mapping=None, /, **kwargs):
        if mapping is not None:
            kwargs = {**dict(mapping), **kwargs}
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases), ns)


def _type_repr(obj):
    if obj is type(None) or obj is None:
        return "None"
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    return repr(obj)


class GenericAlias:
    """A builtin class subscripted in an annotation: list[int], dict[str, list[int]]. The
    interpreter makes one when a class without __class_getitem__ is subscripted."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            return _type_repr(self.__origin__) + "[()]"
        parts = []
        for a in self.__args__:
            if isinstance(a, list):
                parts.append("[" + ", ".join(_type_repr(x) for x in a) + "]")
            else:
                parts.append(_type_repr(a))
        return _type_repr(self.__origin__) + "[" + ", ".join(parts) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __getitem__(self, params):
        return GenericAlias(self.__origin__, params)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")


class UnionType:
    """X | Y of classes (and None): usable in annotations and in isinstance()."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__)

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__)


def _union(a, b):
    args = []
    for x in (a, b):
        if x is None:
            x = type(None)
        if not (isinstance(x, (type, GenericAlias, UnionType)) or hasattr(x, "__origin__")):
            return NotImplemented
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if y not in args:
                args.append(y)
    return args[0] if len(args) == 1 else UnionType(tuple(args))


def coroutine(func):
    """Makes a generator function usable with await. Awaiting a generator already drives it
    (what it yields goes to the coroutine's driver), so the function is returned as it is."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    return func
