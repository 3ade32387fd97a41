"""Shallow and deep copy operations (Python's copy module).

copy(x) and deepcopy(x, memo) follow CPython: a per-type dispatch for builtin types, then the
class's __copy__ / __deepcopy__, then its __reduce_ex__(4) / __reduce__ protocol, and for plain
instances the default reduction (a new object of the class given a copy of the __dict__ and
__slots__ values). deepcopy's memo maps id(original) -> copy, so shared and recursive structure
is kept.
"""

from _ml_text import text as _t

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range, type(print),
           type(Ellipsis), type(NotImplemented), property)
try:
    _atomic = _atomic + (type(lambda: None),)
except Exception:
    pass


# A set, as CPython's per-type dispatch table is a dict: one hashed lookup per copy.
_atomic_set = frozenset(_atomic)


def _is_atomic(cls):
    return cls in _atomic_set


def _object_reduce(x):
    """The reduction object.__reduce_ex__(4) gives a plain instance."""
    cls = type(x)
    state = None
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    if d:
        state = d
    slots = _slot_names(cls)
    if slots:
        slotstate = {}
        for name in slots:
            try:
                slotstate[name] = getattr(x, name)
            except AttributeError:
                pass
        if slotstate:
            state = (state, slotstate)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,), state, listiter, dictiter)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        s = c.__dict__.get("__slots__", ()) if hasattr(c, "__dict__") else ()
        if isinstance(s, str):
            s = (s,)
        for name in s:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_" + c.__name__.lstrip("_") + name
            names.append(name)
    return names


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _user_method(cls, name):
    for c in cls.__mro__:
        if c is object:
            return None
        if name in c.__dict__:
            return c.__dict__[name]
    return None


def _reduce(x):
    cls = type(x)
    if _user_method(cls, "__reduce_ex__") is not None:
        return x.__reduce_ex__(4)
    if _user_method(cls, "__reduce__") is not None:
        return x.__reduce__()
    return _object_reduce(x)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(cls) or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic_set:
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # a tuple copied during its own copy (a cycle through a list) is already in memo
        # (asked with get: a KeyError raised and caught per tuple costs more than the copy)
        z = memo.get(d, _nil)
        if z is not _nil:
            return z
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        # (a loop, not a generator expression: one would make memo a closure variable, read
        # through a cell in every call of deepcopy)
        items = []
        for a in x:
            items.append(deepcopy(a, memo))
        y = cls(items)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    kept = memo.get(id(memo))
    if kept is None:
        memo[id(memo)] = [x]
    else:
        kept.append(x)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def replace(obj, /, **changes):
    """A new object like obj with the given fields changed (dataclasses, namedtuples)."""
    cls = type(obj)
    func = getattr(cls, "__replace__", None)
    if func is None:
        raise TypeError(_t("copy.replace_unsupported", "replace() does not support {type} objects", type=cls.__name__))
    return func(obj, **changes)
