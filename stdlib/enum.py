"""Enumerations (Python's enum): Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

Members are made when the class is created (through __init_subclass__, since there are no
metaclasses here): each plain attribute of an Enum subclass becomes an instance with .name and
.value; aliases (same value) name the first member. Color(1) looks a member up by value,
Color['RED'] by name; for/len/in on the class work through the interpreter's class hooks.
"""

from _ml_text import text as _t

__all__ = ["EnumMeta", "EnumType", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto",
           "unique", "ReprEnum", "verify", "member", "nonmember", "global_enum", "property",
           "CONTINUOUS", "NAMED_FLAGS", "UNIQUE"]

_auto_null = object()
_type = type  # the builtin (Enum's functional API has a parameter named type)


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

    # In a class body, CPython has already replaced an auto() by its value when the next line
    # reads it (ADMIN = READ | WRITE). Members get their values after the body here, so an
    # expression over autos is kept and worked out when its own member's turn comes.
    def __or__(self, other): return _AutoExpr(lambda a, b: a | b, self, other)
    def __ror__(self, other): return _AutoExpr(lambda a, b: a | b, other, self)
    def __and__(self, other): return _AutoExpr(lambda a, b: a & b, self, other)
    def __rand__(self, other): return _AutoExpr(lambda a, b: a & b, other, self)
    def __xor__(self, other): return _AutoExpr(lambda a, b: a ^ b, self, other)
    def __rxor__(self, other): return _AutoExpr(lambda a, b: a ^ b, other, self)
    def __add__(self, other): return _AutoExpr(lambda a, b: a + b, self, other)
    def __radd__(self, other): return _AutoExpr(lambda a, b: a + b, other, self)
    def __sub__(self, other): return _AutoExpr(lambda a, b: a - b, self, other)
    def __rsub__(self, other): return _AutoExpr(lambda a, b: a - b, other, self)
    def __mul__(self, other): return _AutoExpr(lambda a, b: a * b, self, other)
    def __rmul__(self, other): return _AutoExpr(lambda a, b: a * b, other, self)
    def __invert__(self): return _AutoExpr(lambda a: ~a, self)


class _AutoExpr(auto):
    def __init__(self, fn, *operands):
        super().__init__()
        self._fn = fn
        self._operands = operands

    def _resolve(self):
        def value(x):
            if isinstance(x, _AutoExpr):
                return x._resolve()
            if isinstance(x, auto):
                if x.value is _auto_null:
                    raise ValueError("an auto() used before it has a value")
                return x.value
            return x
        self.value = self._fn(*[value(x) for x in self._operands])
        return self.value


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")
            or isinstance(obj, (staticmethod, classmethod, property)) or callable(obj))


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name.lstrip("_"),)
    return name.startswith(pattern)


class Enum:
    """Base of enumerations: subclasses' plain class attributes become its members."""

    @classmethod
    def __init_subclass__(cls, **kwds):
        members = {}
        for base in cls.__mro__[1:]:
            if "_member_map_" in base.__dict__ and base.__dict__["_member_map_"]:
                raise TypeError(_t("enum.cannot_extend", "<enum {name}> cannot extend <enum {base}>", name=repr(cls.__name__), base=repr(base.__name__)))
        cls._member_names_ = []
        cls._member_map_ = {}
        cls.__members__ = cls._member_map_  # name -> member, aliases included (read it, don't change it)
        cls._value2member_map_ = {}
        cls._unhashable_values_ = []
        last_values = []
        candidates = []
        ignore = cls.__dict__.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for name, value in list(cls.__dict__.items()):
            if name in ignore or _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
                continue
            if isinstance(value, nonmember):
                setattr(cls, name, value.value)
                continue
            if isinstance(value, member):
                value = value.value
            elif _is_descriptor(value) and not isinstance(value, auto):
                continue
            candidates.append((name, value))
        for name in ignore:
            if name in cls.__dict__:
                delattr(cls, name)
        for name, value in candidates:
            if isinstance(value, _AutoExpr):
                value = value._resolve()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(cls._generate_next_value_(name, 1, len(last_values), last_values[:])
                              if isinstance(v, auto) else v for v in value)
            last_values.append(value)
            cls._add_member_(name, value)
        flag = globals().get("Flag")
        if flag is not None and flag in cls.__mro__:
            all_bits = 0
            for m in cls._member_map_.values():
                if isinstance(m._value_, int):
                    all_bits |= m._value_
            cls._flag_mask_ = all_bits

    @classmethod
    def _add_member_(cls, name, value):
        # an alias names the member that already has this value
        try:
            existing = cls._value2member_map_.get(value)
        except TypeError:
            existing = None
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    existing = m
        if existing is not None:
            cls._member_map_[name] = existing
            setattr(cls, name, existing)
            return
        args = value if isinstance(value, tuple) else (value,)
        base = cls._member_type_()
        if base is object:
            m = object.__new__(cls)
        else:
            m = base.__new__(cls, *args)
        if "__new__" in cls.__dict__ or any("__new__" in b.__dict__ for b in cls.__mro__[1:]
                                            if b not in (Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum, object, int, str)):
            pass
        if not hasattr(m, "_value_") or base is not object:
            try:
                object.__setattr__(m, "_value_", value if base is object or len(args) != 1 else args[0])
            except (AttributeError, TypeError):
                pass
        m._name_ = name
        m.__objclass__ = cls
        init = cls.__dict__.get("__init__") or next((b.__dict__["__init__"] for b in cls.__mro__[1:]
                                                     if "__init__" in b.__dict__ and b not in (Enum, object, int, str, float)), None)
        if init is not None and init is not Enum.__init__:
            init(m, *args)
        cls._member_names_.append(name)
        cls._member_map_[name] = m
        try:
            cls._value2member_map_[m._value_] = m
        except TypeError:
            cls._unhashable_values_.append(m)
        setattr(cls, name, m)

    @classmethod
    def _member_type_(cls):
        for b in cls.__mro__:
            if b is tuple or b is int:
                return b
        return object

    def __new__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:  # the functional API: Enum("Color", "RED GREEN")
            return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)
        # Color(1): the member with that value (members themselves are made by _add_member_)
        if isinstance(value, cls):
            return value
        try:
            found = cls._value2member_map_.get(_val(value))
        except TypeError:
            found = None
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    found = m
        if found is not None:
            return found
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(_t("enum.missing_result", "error in {cls}._missing_: returned {result} instead of None or a valid member", cls=cls.__name__, result=repr(result)))
        raise ValueError(_t("enum.not_valid", "{value} is not a valid {cls}", value=repr(value), cls=cls.__qualname__))

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        if getattr(cls, "_member_map_", None):
            raise TypeError(f"{cls.__name__} cannot extend {cls!r}")
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            items = list(names.items())
        else:
            names = list(names)
            if names and isinstance(names[0], str):
                items, last = [], []
                for count, name in enumerate(names):
                    value = cls._generate_next_value_(name, start, count, last[:])
                    last.append(value)
                    items.append((name, value))
            else:
                items = [tuple(pair) for pair in names]
        ns = {"__module__": module or "__main__", "__qualname__": qualname or class_name}
        ns.update(items)
        return _type(class_name, bases, ns)

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1] if all(isinstance(v, int) for v in last_values) else last_values[-1]
            return last + 1
        except TypeError:
            raise TypeError(_t("enum.unsortable", "unable to sort non-numeric values")) from None

    @classmethod
    def __class_iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return False

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v_repr = type(self)._value_repr_ if hasattr(type(self), "_value_repr_") else repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__module__", "name", "value"]


EnumType = EnumMeta = type


class ReprEnum(Enum):
    """Members str() and format() as their value (IntEnum, StrEnum, IntFlag)."""


class _IntLike:
    """Arithmetic and comparisons on the member's int value (ints here are not objects that
    can carry a name, so IntEnum members are instances that behave as their value)."""

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __add__(self, o):
        return self._value_ + o

    def __radd__(self, o):
        return o + self._value_

    def __sub__(self, o):
        return self._value_ - o

    def __rsub__(self, o):
        return o - self._value_

    def __mul__(self, o):
        return self._value_ * o

    def __rmul__(self, o):
        return o * self._value_

    def __truediv__(self, o):
        return self._value_ / o

    def __floordiv__(self, o):
        return self._value_ // o

    def __mod__(self, o):
        return self._value_ % o

    def __pow__(self, o):
        return self._value_ ** o

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)

    def __lshift__(self, o):
        return self._value_ << o

    def __rshift__(self, o):
        return self._value_ >> o


def _val(x):
    return x._value_ if isinstance(x, Enum) else x


class IntEnum(int, ReprEnum):
    """Members are ints (arithmetic, comparisons and hashing are the int's), printed as
    <Color.RED: 1> by repr and as 1 by str and format."""

    __repr__ = Enum.__repr__

    def __str__(self):
        return repr(int(self))

    def __format__(self, format_spec):
        return format(int(self), format_spec)


class StrEnum(ReprEnum):
    def __len__(self):
        return len(self._value_)

    def __add__(self, o):
        return self._value_ + _val(o)

    def __radd__(self, o):
        return o + self._value_

    def __lt__(self, other):
        return self._value_ < _val(other)

    def __getattr__(self, name):
        if name.startswith("_"):  # _value_ before it is set, dunders: not the str's
            raise AttributeError(name)
        return getattr(self._value_, name)

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, StrEnum) else other)

    def __hash__(self):
        return hash(self._value_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Members combine with | & ^ ~; a combination that is not a member is made on demand."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(v for v in last_values if isinstance(v, int)).bit_length()
        return 2 ** high

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(_t("enum.not_valid", "{value} is not a valid {cls}", value=repr(value), cls=cls.__qualname__))
        mask = getattr(cls, "_flag_mask_", 0)
        if value < 0 or value & ~mask:
            if issubclass(cls, int):
                pass  # an IntFlag keeps any int (Python's boundary KEEP)
            else:
                raise ValueError(_t("enum.not_valid", "{value} is not a valid {cls}", value=repr(value), cls=cls.__qualname__))
        base = cls._member_type_()
        pseudo = object.__new__(cls) if base is object else base.__new__(cls, value)
        object.__setattr__(pseudo, "_value_", value)
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_ and _is_single_bit(m._value_)]
        pseudo._name_ = "|".join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(_t("runtime.unsupported_operand", "unsupported operand type(s) for {op}: '{left}' and '{right}'", op="'in'", left=type(other).__qualname__, right=self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ and _is_single_bit(m._value_) and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(getattr(self.__class__, "_flag_mask_", 0) & ~self._value_)

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __hash__(self):
        return hash(self._value_)


def _is_single_bit(v):
    return v != 0 and v & (v - 1) == 0


class IntFlag(int, ReprEnum, Flag):
    """Members are ints (arithmetic, comparisons and hashing are the int's) that combine with
    | & ^ ~ into members, printed as <Perm.R|W: 6> by repr and as 6 by str and format."""

    __repr__ = Flag.__repr__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __contains__ = Flag.__contains__
    __invert__ = Flag.__invert__

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ & int(other))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ ^ int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    duplicates = []
    for name, m in enumeration._member_map_.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError(_t("enum.duplicates", "duplicate values found in <enum {name}>: {aliases}", name=repr(enumeration.__name__), aliases=alias_details))
    return enumeration


CONTINUOUS = "no skipped integer values"
NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
UNIQUE = "one name per value"


def verify(*checks):
    def decorator(enumeration):
        if UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorator


def global_enum(cls):
    return cls
