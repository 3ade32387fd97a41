"""collections.namedtuple: a real tuple subclass with named fields (CPython's semantics).

The class compares, hashes, unpacks and slices as a tuple; fields are read-only properties;
_make, _replace, _asdict, _fields and _field_defaults behave as in CPython.
"""
from _ml_text import text as _t
import sys as _sys
from keyword import iskeyword as _iskeyword


def _field_getter(index, doc):
    def get(self):
        return tuple.__getitem__(self, index)
    return property(get, doc=doc)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_") or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError(_t("collections.names_str", "Type names and field names must be strings"))
        if not name.isidentifier():
            raise ValueError(_t("collections.names_identifier", "Type names and field names must be valid identifiers: {name}", name=repr(name)))
        if _iskeyword(name):
            raise ValueError(_t("collections.names_keyword", "Type names and field names cannot be a keyword: {name}", name=repr(name)))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(_t("collections.names_underscore", "Field names cannot start with an underscore: {name}", name=repr(name)))
        if name in seen:
            raise ValueError(_t("collections.names_duplicate", "Encountered duplicate field name: {name}", name=repr(name)))
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError(_t("collections.too_many_defaults", "Got more default values than field names"))
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ", ".join(field_names)
    if num_fields == 1:
        arg_list += ","

    def __new__(_cls, *args, **kwargs):
        if len(args) > num_fields:
            raise TypeError(_t("common.too_many_positional", "{name}() takes {expected} positional arguments but {given} were given", name=typename + ".__new__", expected=num_fields + 1, given=len(args) + 1))
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in field_names[len(values):] if n not in kwargs and n not in field_defaults]
                if len(missing) == 1:
                    raise TypeError(_t("runtime.missing_positional_one", "{name}() missing 1 required positional argument: {args}", name=typename + ".__new__", args=repr(missing[0])))
                names = _t("runtime.list_and", "{items} and {last}", items=", ".join(repr(m) for m in missing[:-1]), last=repr(missing[-1]))
                raise TypeError(_t("runtime.missing_positional", "{name}() missing {count} required positional arguments: {args}", name=typename + ".__new__", count=len(missing), args=names))
        if kwargs:
            for k in kwargs:
                if k in field_names:
                    raise TypeError(_t("runtime.multiple_values", "{name}() got multiple values for argument '{arg}'", name=typename + ".__new__", arg=k))
            raise TypeError(_t("runtime.unexpected_keyword", "{name}() got an unexpected keyword argument '{arg}'", name=typename + ".__new__", arg=next(iter(kwargs))))
        return tuple.__new__(_cls, values)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(_t("collections.make_count", "Expected {expected} arguments, got {given}", expected=num_fields, given=len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name) if name in kwds else getattr(self, name) for name in field_names])
        if kwds:
            raise ValueError(_t("collections.replace_unexpected", "Got unexpected field names: {names}", names=repr(list(kwds))))
        return result

    def __repr__(self):
        return self.__class__.__name__ + "(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(field_names, self)) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def __reduce__(self):
        return (self.__class__, tuple(self))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        import copy
        return self._make(copy.deepcopy(v, memo) for v in self)

    ns = {
        "__doc__": f"{typename}({arg_list})",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": field_defaults,
        "__new__": staticmethod(__new__),
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__reduce__": __reduce__,
        "__copy__": __copy__,
        "__deepcopy__": __deepcopy__,
        "__match_args__": field_names,
    }
    for index, name in enumerate(field_names):
        ns[name] = _field_getter(index, f"Alias for field number {index}")
    result = type(typename, (tuple,), ns)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    if module is not None:
        result.__module__ = module
    return result
