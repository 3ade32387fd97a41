"""Type hints (Python's typing), usable at run time: every name programs import exists, is
subscriptable (List[int], Optional[str], Callable[[int], str], Dict[str, "Node"]) and prints
as in CPython; TypeVar, Generic, Protocol, NamedTuple, TypedDict, cast, overload and friends
behave as they do at run time in CPython (they check nothing)."""

from _ml_text import text as _t
import sys
import collections
import collections.abc

__all__ = ["Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional", "Protocol",
           "Tuple", "Type", "TypeVar", "Union", "AbstractSet", "ByteString", "Container",
           "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
           "MutableMapping", "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView",
           "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine", "Collection",
           "AsyncGenerator", "Reversible", "SupportsAbs", "SupportsFloat", "SupportsInt",
           "SupportsIndex", "SupportsRound", "Counter", "Deque", "Dict", "DefaultDict", "List",
           "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict", "Generator", "AnyStr",
           "cast", "final", "get_args", "get_origin", "get_type_hints", "NewType", "no_type_check",
           "overload", "runtime_checkable", "Text", "TYPE_CHECKING", "TypeAlias", "ParamSpec",
           "Concatenate", "TypeGuard", "Self", "Never", "NoReturn", "LiteralString", "Required",
           "NotRequired", "Annotated", "IO", "TextIO", "BinaryIO", "Pattern", "Match",
           "assert_never", "reveal_type", "dataclass_transform", "Unpack", "TypeVarTuple"]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins" or obj.__module__ == "__main__" and obj in (int, float, str, bool, bytes, list, dict, tuple, set, frozenset, object, type):
            return obj.__qualname__
        return obj.__qualname__ if obj.__module__ in ("builtins", "__main__") else f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, str):
        return repr(obj)
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and other.__forward_arg__ == self.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _convert(arg):
    if isinstance(arg, str):
        return ForwardRef(arg)
    if arg is None:
        return type(None)
    return arg


class _Final:
    pass


class _GenericAlias(_Final):
    """A subscripted type: List[int], Dict[str, int], Callable[[int], str]."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name
        self.__parameters__ = tuple(a for a in self.__args__ if isinstance(a, TypeVar))

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        if self._name is not None:
            name = "typing." + self._name
        if not self.__args__:
            return name + "[()]"
        if self._name == "Callable" and self.__args__[0] is not ...:
            return name + "[[" + ", ".join(_type_repr(a) for a in self.__args__[:-1]) + "], " + _type_repr(self.__args__[-1]) + "]"
        return name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        subst = dict(zip(self.__parameters__, params))
        return _GenericAlias(self.__origin__, tuple(subst.get(a, a) for a in self.__args__), self._name)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias of a builtin class: List, Dict, Callable (subscriptable)."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Callable" and len(params) == 2:
            args, result = params
            if args is ...:
                return _GenericAlias(self.__origin__, (..., result), self._name)
            return _GenericAlias(self.__origin__, tuple(_convert(a) for a in args) + (_convert(result),), self._name)
        return _GenericAlias(self.__origin__, tuple(_convert(p) for p in params), self._name)

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(_t("typing.not_subscriptable", "{name} is not subscriptable", name=self))
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(_t("typing.cannot_instantiate", "Cannot instantiate {name}", name=repr(self)))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionGenericAlias(_GenericAlias):
    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type) or hasattr(a, "__instancecheck__"))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[" + _type_repr(other) + "]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    for p in parameters:
        p = _convert(p)
        if isinstance(p, _UnionGenericAlias):
            for q in p.__args__:
                if q not in params:
                    params.append(q)
        elif p not in params:
            params.append(p)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(Union, tuple(params), "Union")


def _optional(self, parameter):
    return Union[parameter, None]


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(Literal, parameters, "Literal")


def _wrapping(self, parameters):
    return _GenericAlias(self, parameters, self._name)


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    alias = _GenericAlias(params[0], (params[0],), "Annotated")
    alias.__metadata__ = params[1:]
    return alias


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
Literal = _SpecialForm("Literal", _literal)
ClassVar = _SpecialForm("ClassVar", _wrapping)
Final = _SpecialForm("Final", _wrapping)
TypeGuard = _SpecialForm("TypeGuard", _wrapping)
Required = _SpecialForm("Required", _wrapping)
NotRequired = _SpecialForm("NotRequired", _wrapping)
Concatenate = _SpecialForm("Concatenate", _wrapping)
Unpack = _SpecialForm("Unpack", _wrapping)
Annotated = _SpecialForm("Annotated", _annotated)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _convert(bound) if bound is not None else None
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = "P.args"
        self.kwargs = "P.kwargs"

    def __repr__(self):
        return "~" + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


AnyStr = TypeVar("AnyStr", bytes, str)
T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True)


class Generic:
    """Base of user generic classes: class Stack(Generic[T]); Stack[int]() works."""
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            return _GenericBase(cls, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        pass


class _GenericBase(_GenericAlias):
    def __mro_entries__(self, bases):
        return (self.__origin__,)


_PROTOCOL_EXCLUDED = frozenset({
    "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__",
    "__new__", "__slots__", "__subclasshook__", "__weakref__", "__class_getitem__",
    "__parameters__", "__orig_bases__", "__orig_class__", "_is_protocol", "_is_runtime_protocol",
    "__protocol_attrs__", "__qualname__", "__match_args__", "__init_subclass__",
    "__non_callable_proto_members__", "__type_params__", "__firstlineno__", "__static_attributes__",
})


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        annotations = base.__dict__.get("__annotations__", {})
        for attr in list(base.__dict__) + list(annotations):
            if not attr.startswith("_abc_") and attr not in _PROTOCOL_EXCLUDED:
                attrs.add(attr)
    return attrs


def _is_protocol_class(cls):
    return any(b is Protocol or getattr(b, "__origin__", None) is Protocol
               for b in cls.__dict__.get("__orig_bases__", cls.__bases__))


class _ProtocolMeta(type):
    """isinstance() against a @runtime_checkable protocol checks that the object has every
    member the protocol declares (structural typing), as CPython's does."""

    def __instancecheck__(cls, instance):
        if cls in type(instance).__mro__:
            return True
        if cls is Protocol or not _is_protocol_class(cls):
            return False
        if not cls.__dict__.get("_is_runtime_protocol", False):
            raise TypeError(_t("typing.runtime_checkable_only", "Instance and class checks can only be used with @runtime_checkable protocols"))
        attrs = cls.__dict__.get("__protocol_attrs__")
        if attrs is None:  # the members, found once per protocol (a walk of its MRO)
            attrs = _protocol_attrs(cls)
            cls.__protocol_attrs__ = attrs
        for attr in attrs:
            try:
                val = getattr(instance, attr)
            except AttributeError:
                return False
            if val is None and callable(getattr(cls, attr, None)):
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls in getattr(other, "__mro__", ()):
            return True
        if cls is Protocol or not _is_protocol_class(cls):
            return False
        if not cls.__dict__.get("_is_runtime_protocol", False):
            raise TypeError(_t("typing.runtime_checkable_only", "Instance and class checks can only be used with @runtime_checkable protocols"))
        return all(any(attr in b.__dict__ for b in other.__mro__) for attr in _protocol_attrs(cls))


def _no_init_or_replace_init(self, *args, **kwargs):
    """The __init__ of a protocol: refuses to make an instance of the protocol itself, and for a
    class that implements it, calls (and installs) the next __init__ of the MRO."""
    cls = type(self)
    if cls._is_protocol:
        raise TypeError(_t("typing.protocol_instantiated", "Protocols cannot be instantiated"))
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get("__init__", _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # a protocol is a class that names Protocol among its bases; a class that only
        # subclasses a protocol implements it
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = _is_protocol_class(cls)
        if cls._is_protocol and "__init__" not in cls.__dict__:
            cls.__init__ = _no_init_or_replace_init

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericBase(Protocol, params)


def runtime_checkable(cls):
    if not _is_protocol_class(cls):
        raise TypeError(_t("typing.runtime_checkable_arg", "@runtime_checkable can be only applied to protocol classes, got {cls}", cls=repr(cls)))
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError("You should not call an overloaded function. "
                                  "A series of @typing.overload-decorated functions "
                                  "outside a stub module should always be followed "
                                  "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if tp._name == "Annotated":
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        if tp._name == "Annotated":
            return (tp.__origin__,) + tp.__metadata__
        res = tp.__args__
        if tp._name == "Callable" and res and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        return res
    return ()


def _eval_hint(text, globalns, localns):
    """A string annotation's value: names (dotted), X[...] subscripts, X | Y and None, looked
    up in the given namespaces, then the builtins."""
    import builtins
    pos = 0

    def skip():
        nonlocal pos
        while pos < len(text) and text[pos] == " ":
            pos += 1

    def name():
        nonlocal pos
        skip()
        start = pos
        while pos < len(text) and (text[pos].isalnum() or text[pos] in "_."):
            pos += 1
        word = text[start:pos]
        if not word:
            raise SyntaxError("Forward reference must be an expression -- got %r" % text)
        if word == "None":
            return None
        if word == "...":
            return ...
        head, *rest = word.split(".")
        for ns in (localns, globalns, builtins.__dict__):
            if ns is not None and head in ns:
                value = ns[head]
                break
        else:
            raise NameError("name %r is not defined" % head)
        for part in rest:
            value = getattr(value, part)
        return value

    def atom():
        nonlocal pos
        skip()
        if text.startswith("[", pos):
            pos += 1
            items = []
            skip()
            while not text.startswith("]", pos):
                items.append(union())
                skip()
                if text.startswith(",", pos):
                    pos += 1
                skip()
            pos += 1
            return items
        if text[pos:pos + 3] == "...":
            pos += 3
            return ...
        value = name()
        skip()
        while text.startswith("[", pos):
            pos += 1
            args = [union()]
            skip()
            while text.startswith(",", pos):
                pos += 1
                args.append(union())
                skip()
            pos += 1
            value = value[args[0] if len(args) == 1 else tuple(args)]
            skip()
        return value

    def union():
        nonlocal pos
        value = atom()
        skip()
        while text.startswith("|", pos):
            pos += 1
            value = value | atom() if value is not None else type(None) | atom()
            skip()
        return value

    return union()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    import sys
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ns = globalns
            if ns is None:
                module = sys.modules.get(base.__dict__.get("__module__", ""))
                ns = module.__dict__ if module is not None else {}
            for key, value in base.__dict__.get("__annotations__", {}).items():
                hints[key] = _eval_hint(value, ns, localns) if isinstance(value, str) else value
        return hints
    ns = globalns if globalns is not None else getattr(obj, "__globals__", {})
    hints = dict(getattr(obj, "__annotations__", {}) or {})
    for key, value in hints.items():
        if isinstance(value, str):
            hints[key] = _eval_hint(value, ns, localns)
        elif value is None:
            hints[key] = type(None)
    return hints


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    names = [n for n, t in fields]
    module = sys._getframe(1).f_globals.get("__name__", "__main__")  # the caller's, as in CPython
    return collections.namedtuple(typename, names, module=module)


_NT_RESERVED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                          "_make", "_replace", "_asdict", "_source"})
_NT_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__", "__doc__", "__dict__",
                         "__weakref__", "__orig_bases__"})


class NamedTupleMeta(type):
    """`class P(NamedTuple): x: int; y: int = 0` makes a collections.namedtuple from the
    annotations (defaults from the assigned values), with the class body's methods."""

    def __new__(mcls, typename, bases, ns):
        ann = ns.get("__annotations__", {})
        names = list(ann)
        defaults = []
        for n in names:
            if n in ns:
                defaults.append(ns[n])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {n} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {', '.join(names[names.index(n) - len(defaults):names.index(n)])}")
        nt = collections.namedtuple(typename, names, defaults=defaults, module=ns.get("__module__"))
        nt.__annotations__ = dict(ann)
        for key, value in ns.items():
            if key in _NT_RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SPECIAL and key not in names:
                setattr(nt, key, value)
        return nt


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    return dict


Text = str
Hashable = collections.abc.Hashable
Awaitable = _SpecialGenericAlias(collections.abc.Awaitable, 1, "Awaitable")
Coroutine = _SpecialGenericAlias(collections.abc.Coroutine, 3, "Coroutine")
AsyncIterable = _SpecialGenericAlias(collections.abc.AsyncIterable, 1, "AsyncIterable")
AsyncIterator = _SpecialGenericAlias(collections.abc.AsyncIterator, 1, "AsyncIterator")
Iterable = _SpecialGenericAlias(collections.abc.Iterable, 1, "Iterable")
Iterator = _SpecialGenericAlias(collections.abc.Iterator, 1, "Iterator")
Reversible = _SpecialGenericAlias(collections.abc.Reversible, 1, "Reversible")
Sized = collections.abc.Sized
Container = _SpecialGenericAlias(collections.abc.Container, 1, "Container")
Collection = _SpecialGenericAlias(collections.abc.Collection, 1, "Collection")
Callable = _SpecialGenericAlias(collections.abc.Callable, 2, "Callable")
AbstractSet = _SpecialGenericAlias(collections.abc.Set, 1, "AbstractSet")
MutableSet = _SpecialGenericAlias(collections.abc.MutableSet, 1, "MutableSet")
Mapping = _SpecialGenericAlias(collections.abc.Mapping, 2, "Mapping")
MutableMapping = _SpecialGenericAlias(collections.abc.MutableMapping, 2, "MutableMapping")
Sequence = _SpecialGenericAlias(collections.abc.Sequence, 1, "Sequence")
MutableSequence = _SpecialGenericAlias(collections.abc.MutableSequence, 1, "MutableSequence")
ByteString = collections.abc.ByteString
Tuple = _SpecialGenericAlias(tuple, -1, "Tuple")
List = _SpecialGenericAlias(list, 1, "List")
Deque = _SpecialGenericAlias(collections.deque, 1, "Deque")
Set = _SpecialGenericAlias(set, 1, "Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, "FrozenSet")
MappingView = _SpecialGenericAlias(collections.abc.MappingView, 1, "MappingView")
KeysView = _SpecialGenericAlias(collections.abc.KeysView, 1, "KeysView")
ItemsView = _SpecialGenericAlias(collections.abc.ItemsView, 2, "ItemsView")
ValuesView = _SpecialGenericAlias(collections.abc.ValuesView, 1, "ValuesView")
Dict = _SpecialGenericAlias(dict, 2, "Dict")
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, "DefaultDict")
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, "OrderedDict")
Counter = _SpecialGenericAlias(collections.Counter, 1, "Counter")
ChainMap = _SpecialGenericAlias(dict, 2, "ChainMap")
Generator = _SpecialGenericAlias(collections.abc.Generator, 3, "Generator")
AsyncGenerator = _SpecialGenericAlias(collections.abc.AsyncGenerator, 2, "AsyncGenerator")
Type = _SpecialGenericAlias(type, 1, "Type")
Pattern = _SpecialGenericAlias(str, 1, "Pattern")
Match = _SpecialGenericAlias(str, 1, "Match")


@runtime_checkable
class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self):
        pass


class IO(Generic):
    __slots__ = ()


class TextIO(IO):
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()
