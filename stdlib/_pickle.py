"""The accelerated pickle module, as CPython has one: dumps/loads (and dump/load) run in C++
(_pickle_accel) for the data programs mostly pickle, and hand anything else, whole, to the
Python Pickler and Unpickler of pickle.py, which write and read the same bytes. Pickler and
Unpickler are those Python classes: a Pickler's memo lasts across its dump() calls, which the
C++ functions, made for one object at a time, do not keep."""

import pickle as _p
import _pickle_accel as _accel
from pickle import PickleError, PicklingError, UnpicklingError

_declined = _accel.declined


class Pickler(_p._Pickler):
    pass


class Unpickler(_p._Unpickler):
    pass


# (module name, qualified name) of each global that reduce values named: found and checked as
# pickle.py's save_global does, once.
_globals = {}


def _global_name(obj):
    try:
        return _globals[obj]
    except (KeyError, TypeError):
        pass
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not isinstance(name, str):
        return None
    module_name = _p.whichmodule(obj, name)
    try:
        module = _p._import_module(module_name)
        found, parent = _p._getattribute(module, name)
    except (ImportError, KeyError, AttributeError):
        return None
    if found is not obj or parent is not module:
        return None  # pickle.py reports it, or writes getattr(parent, name)
    r = (module_name, name)
    try:
        _globals[obj] = r
    except TypeError:
        pass
    return r


_special_types = (type(None), type(NotImplemented), type(...))


def _reduce_global(obj, proto):
    """What the C++ pickler writes for an object that is none of the builtin containers and
    scalars: (func, module, name, args) for func(*args) with func a global, (cls, module, name,
    None) for a class itself, or None to leave the whole pickle to pickle.py."""
    t = type(obj)
    if isinstance(obj, type):
        if obj in _special_types or t is not type:
            return None
        g = _global_name(obj)
        return None if g is None else (obj, g[0], g[1], None)
    if t in _p._Pickler.dispatch:
        return None
    reduce = _p.copyreg.dispatch_table.get(t)
    if reduce is not None:
        rv = reduce(obj)
    elif t in _p._builtin_reducers:
        rv = _p._builtin_reducers[t](obj, proto)
    else:
        return None
    if type(rv) is not tuple or len(rv) != 2 or type(rv[1]) is not tuple:
        return None
    func = rv[0]
    if getattr(func, "__name__", "") in ("__newobj__", "__newobj_ex__") or not isinstance(func, type):
        return None
    g = _global_name(func)
    return None if g is None else (func, g[0], g[1], rv[1])


def _find_class(module, name):
    return _p._getattribute(_p._import_module(module), name)[0]


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    if buffer_callback is None:
        proto = _p.DEFAULT_PROTOCOL if protocol is None else protocol
        if type(proto) is int:
            r = _accel.dumps(obj, _p.HIGHEST_PROTOCOL if proto < 0 else proto, _reduce_global)
            if r is not None:
                return r
    return _p._dumps(obj, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    if buffer_callback is None and hasattr(file, "write"):
        file.write(dumps(obj, protocol, fix_imports=fix_imports))
        return
    _p._dump(obj, file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if buffers is None and type(data) is bytes:
        r = _accel.loads(data, _find_class)
        if r is not _declined:
            return r
    return _p._loads(data, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return _p._load(file, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers)
