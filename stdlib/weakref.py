"""Weak references (Python's weakref module). A ref points at its object through a cell of the
C++ module _weakref that does not count as a reference: objects are reference counted, so when
the last real reference goes, the object is freed, ref() returns None and the callbacks run,
as in CPython. Objects held only by a reference cycle are never freed here (there is no cycle
collector), so their weak references stay alive."""
from _weakref import cell as _cell, get as _get, count as _count, owners as _owners
from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize", "ReferenceType",
           "ProxyType", "CallableProxyType", "ProxyTypes"]


class ref:
    __slots__ = ("_cell", "_callback", "_hash", "__dict__")

    def __init__(self, obj, callback=None):
        self._callback = callback
        self._hash = None
        self._cell = _cell(obj, self, callback)

    def __call__(self):
        return _get(self._cell)

    @property
    def __callback__(self):
        return self._callback

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        if self._hash is None:
            obj = self()
            if obj is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(obj)
        return self._hash

    def __repr__(self):
        obj = self()
        if obj is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(obj).__name__, id(obj))

    def __class_getitem__(cls, item):
        return cls


ReferenceType = ref


class KeyedRef(ref):
    """A ref that remembers a key: the weak dictionaries' entries."""
    __slots__ = ("key",)

    def __init__(self, obj, callback, key):
        super().__init__(obj, callback)
        self.key = key


class WeakMethod(ref):
    """A weak reference to a bound method: to its object and function, which it binds again."""
    __slots__ = ("_func_ref", "_meth_type", "_alive")

    def __init__(self, meth, callback=None):
        try:
            obj, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        super().__init__(obj, callback)
        self._func_ref = ref(func)
        self._meth_type = type(meth)

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))


class _Proxy:
    __slots__ = ("_ref",)

    def __init__(self, obj, callback=None):
        object.__setattr__(self, "_ref", ref(obj, callback))

    def _target(self):
        obj = object.__getattribute__(self, "_ref")()
        if obj is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return obj

    def __getattr__(self, name):
        return getattr(_Proxy._target(self), name)

    def __setattr__(self, name, value):
        setattr(_Proxy._target(self), name, value)

    def __delattr__(self, name):
        delattr(_Proxy._target(self), name)

    def __call__(self, *args, **kwargs):
        return _Proxy._target(self)(*args, **kwargs)

    def __repr__(self):
        obj = _Proxy._target(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(_Proxy._target(self))

    def __len__(self):
        return len(_Proxy._target(self))

    def __iter__(self):
        return iter(_Proxy._target(self))

    def __getitem__(self, key):
        return _Proxy._target(self)[key]

    def __setitem__(self, key, value):
        _Proxy._target(self)[key] = value

    def __contains__(self, item):
        return item in _Proxy._target(self)

    def __eq__(self, other):
        return _Proxy._target(self) == other

    def __bool__(self):
        return bool(_Proxy._target(self))


ProxyType = CallableProxyType = _Proxy
ProxyTypes = (_Proxy,)


def proxy(obj, callback=None):
    return _Proxy(obj, callback)


def getweakrefcount(obj):
    return _count(obj)


def getweakrefs(obj):
    return _owners(obj)


class WeakValueDictionary(_MutableMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        selfref = ref(self)

        def remove(wr, selfref=selfref):
            self = selfref()
            if self is not None and self.data.get(wr.key) is wr:
                del self.data[wr.key]

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for key, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield key, v

    def values(self):
        for wr in list(self.data.values()):
            v = wr()
            if v is not None:
                yield v

    def keys(self):
        return iter(self)

    def copy(self):
        return WeakValueDictionary(self.items())

    __copy__ = copy

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def valuerefs(self):
        return list(self.data.values())

    def itervaluerefs(self):
        return iter(list(self.data.values()))


class WeakKeyDictionary(_MutableMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        selfref = ref(self)

        def remove(k, selfref=selfref):
            self = selfref()
            if self is not None:
                for key in [key for key in self.data if key is k]:
                    del self.data[key]

        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for wr, value in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield obj, value

    def keys(self):
        return iter(self)

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def copy(self):
        return WeakKeyDictionary(dict(self.items()))

    __copy__ = copy

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def keyrefs(self):
        return list(self.data)


class WeakSet(_MutableSet):
    """A set whose items are held weakly: an item goes when it dies."""

    def __init__(self, data=None):
        selfref = ref(self)

        def remove(item, selfref=selfref):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = remove
        self.data = set()
        if data is not None:
            for item in data:
                self.add(item)

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, set(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def copy(self):
        return WeakSet(self)

    def clear(self):
        self.data.clear()


class finalize:
    """Calls func(*args, **kwargs) once: when obj dies, when called, or at exit (atexit)."""
    _registry = {}
    _index = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        finalize._index += 1
        self._key = finalize._index
        self._ref = ref(obj, self)
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self.atexit = True
        finalize._registry[self._key] = self
        _register_exit()

    def __call__(self, _=None):
        if finalize._registry.pop(self._key, None) is None:
            return None
        return self._func(*self._args, **self._kwargs)

    def detach(self):
        obj = self._ref()
        if obj is None or finalize._registry.pop(self._key, None) is None:
            return None
        return (obj, self._func, self._args, self._kwargs)

    def peek(self):
        obj = self._ref()
        if obj is None or self._key not in finalize._registry:
            return None
        return (obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._key in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        pending = sorted(cls._registry.items())
        for key, f in reversed(pending):
            if f.atexit:
                f()


_exit_registered = False


def _register_exit():
    global _exit_registered
    if not _exit_registered:
        import atexit
        atexit.register(finalize._exitfunc)
        _exit_registered = True
