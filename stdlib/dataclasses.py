"""Data classes (Python's dataclasses): @dataclass generates __init__, __repr__, __eq__, the
ordering methods, __hash__ and frozen-ness from the class's annotated fields.

The generated methods are closures over the field list (Python generates source text and
exec()s it); they behave the same: defaults, default_factory, init=False fields, kw_only,
__post_init__ with InitVar values, and FrozenInstanceError on assignment to a frozen instance.
"""

from _ml_text import text as _t

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return "MISSING"


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KW_ONLY_TYPE()

_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, "__name__", None)
        return f"dataclasses.InitVar[{name if name is not None else repr(self.type)}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(" f"name={self.name!r}," f"type={self.type!r}," f"default={self.default!r},"
                f"default_factory={self.default_factory!r}," f"init={self.init!r}," f"repr={self.repr!r},"
                f"hash={self.hash!r}," f"compare={self.compare!r}," f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r}," f"_field_type={self._field_type})")

    def __set_name__(self, owner, name):
        pass


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError(_t("dataclasses.default_and_factory", "cannot specify both default and default_factory"))
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp == "ClassVar" or tp.startswith("ClassVar[") or tp.startswith("typing.ClassVar")
    name = getattr(tp, "_name", None) or getattr(tp, "__name__", None)
    origin = getattr(tp, "__origin__", None)
    return name == "ClassVar" or getattr(origin, "_name", None) == "ClassVar"


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp == "InitVar" or tp.startswith("InitVar[") or tp.startswith("dataclasses.InitVar")
    return tp is InitVar or isinstance(tp, InitVar)


def _get_field(cls, name, tp, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR) and f.default_factory is not MISSING:
        raise TypeError(_t("dataclasses.no_default_factory", "field {name} cannot have a default factory", name=name))
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    if f._field_type is _FIELD and f.default_factory is MISSING and f.default is not MISSING:
        d = f.default
        if isinstance(d, (list, dict, set)) or getattr(type(d), "__hash__", 0) is None:
            raise ValueError(_t("dataclasses.mutable_default", "mutable default {type} for field {name} is not allowed: use default_factory", type=type(d), name=name))
    return f


def _fields_in_init_order(flds):
    return (tuple(f for f in flds if f.init and not f.kw_only),
            tuple(f for f in flds if f.init and f.kw_only))


def _make_init(cls, flds, frozen, has_post_init):
    std, kw = _fields_in_init_order(flds)
    seen_default = False
    for f in std:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(_t("dataclasses.non_default_follows", "non-default argument '{name}' follows default argument", name=f.name))
    std_names = [f.name for f in std]
    kw_names = {f.name for f in kw}
    all_init = std + kw
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        if len(args) > len(std):
            raise TypeError(_t("common.too_many_positional", "{name}() takes {expected} positional arguments but {given} were given", name=qualname + ".__init__", expected=len(std) + 1, given=len(args) + 1))
        values = {}
        for i in range(len(args)):
            values[std_names[i]] = args[i]
        for k in kwargs:
            if k in values:
                raise TypeError(_t("runtime.multiple_values", "{name}() got multiple values for argument '{arg}'", name=qualname + ".__init__", arg=k))
            if k not in kw_names and k not in std_names:
                raise TypeError(_t("runtime.unexpected_keyword", "{name}() got an unexpected keyword argument '{arg}'", name=qualname + ".__init__", arg=k))
            values[k] = kwargs[k]
        missing = []
        for f in all_init:
            if f.name not in values:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    missing.append(f.name)
        if missing:
            if len(missing) == 1:
                raise TypeError(_t("runtime.missing_positional_one", "{name}() missing 1 required positional argument: {args}", name=qualname + ".__init__", args=repr(missing[0])))
            names = _t("runtime.list_and", "{items} and {last}", items=", ".join(f"{m!r}" for m in missing[:-1]), last=repr(missing[-1]))
            raise TypeError(_t("runtime.missing_positional", "{name}() missing {count} required positional arguments: {args}", name=qualname + ".__init__", count=len(missing), args=names))
        for f in flds:
            if f._field_type is not _FIELD:
                continue
            if f.init:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        if has_post_init:
            initvars = [values[f.name] for f in flds if f._field_type is _FIELD_INITVAR and f.name in values]
            self.__post_init__(*initvars)

    __init__.__qualname__ = qualname + ".__init__"
    return __init__


def _tuple_of(obj, flds):
    return tuple(getattr(obj, f.name) for f in flds)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    flds = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get("__dataclass_fields__", None) if hasattr(b, "__dict__") else None
        if base_fields is not None:
            for f in base_fields.values():
                flds[f.name] = f
    ann = cls.__dict__.get("__annotations__", {})
    own = []
    kw_mode = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp in ("KW_ONLY", "dataclasses.KW_ONLY")):
            kw_mode = True
            continue
        f = _get_field(cls, name, tp, kw_mode)
        own.append(f)
        flds[name] = f
        if isinstance(cls.__dict__.get(name), Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError(_t("dataclasses.no_annotation", "{name} is a field but has no type annotation", name=f"{name!r}"))
    cls.__dataclass_fields__ = flds
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    all_fields = list(flds.values())
    fields_ = [f for f in all_fields if f._field_type is _FIELD]
    has_post_init = hasattr(cls, "__post_init__")
    if init and "__init__" not in cls.__dict__:
        cls.__init__ = _make_init(cls, all_fields, frozen, has_post_init)
    elif init:
        cls.__init__ = _make_init(cls, all_fields, frozen, has_post_init)
    repr_fields = [f for f in fields_ if f.repr]
    if repr and "__repr__" not in cls.__dict__:
        qualname = cls.__qualname__

        def __repr__(self):
            return qualname + "(" + ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in repr_fields) + ")"
        cls.__repr__ = __repr__
    cmp_fields = [f for f in fields_ if f.compare]
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if self is other:
                return True
            if other.__class__ is self.__class__:
                return _tuple_of(self, cmp_fields) == _tuple_of(other, cmp_fields)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        if eq is False:
            raise ValueError(_t("dataclasses.eq_order", "eq must be true if order is true"))

        def _cmp(op):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple_of(self, cmp_fields), _tuple_of(other, cmp_fields))
                return NotImplemented
            return method
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(_t("dataclasses.overwrite_order", "Cannot overwrite attribute {name} in class {cls}. Consider using functools.total_ordering", name=name, cls=cls.__name__))
            setattr(cls, name, _cmp(op))
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in flds:
                raise FrozenInstanceError(_t("dataclasses.frozen_assign", "cannot assign to field {name}", name=f"{name!r}"))
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in flds:
                raise FrozenInstanceError(_t("dataclasses.frozen_delete", "cannot delete field {name}", name=f"{name!r}"))
            object.__delattr__(self, name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    hash_fields = [f for f in fields_ if (f.compare if f.hash is None else f.hash)]
    has_explicit_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None and "__eq__" not in cls.__dict__
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(_tuple_of(self, hash_fields))
        if unsafe_hash and "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None and not has_explicit_hash:
            pass
        cls.__hash__ = __hash__
    elif eq and not has_explicit_hash:
        cls.__hash__ = None
    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in fields_ if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError(_t("dataclasses.fields_arg", "must be called with a dataclass type or instance")) from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError(_t("dataclasses.asdict_arg", "asdict() should be called on dataclass instances"))
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError(_t("dataclasses.astuple_arg", "astuple() should be called on dataclass instances"))
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError(_t("dataclasses.replace_arg", "replace() should be called on dataclass instances"))
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(_t("dataclasses.replace_init_false", "field {name} is declared with init=False, it cannot be specified with replace()", name=f.name))
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(_t("dataclasses.replace_initvar", "InitVar {name} must be specified with replace()", name=f"{f.name!r}"))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    ann = {}
    for item in fields:
        if isinstance(item, str):
            ann[item] = "typing.Any"
        elif len(item) == 2:
            ann[item[0]] = item[1]
        else:
            ann[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = ann
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
