"""Weak references (Python's weakref module). Objects here live while anything refers to them
and a reference cannot observe its referent's end, so a weak reference keeps its object: ref()
returns it, the weak containers behave as the plain ones, finalize runs its callback at exit
or when called."""
__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize", "ReferenceType"]


class ref:
    __slots__ = ("_obj", "_callback")

    def __init__(self, obj, callback=None):
        self._obj = obj
        self._callback = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if isinstance(other, ref):
            return self._obj is other._obj or self._obj == other._obj
        return NotImplemented

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(self._obj).__name__, id(self._obj))


ReferenceType = ref


class WeakMethod(ref):
    def __init__(self, meth, callback=None):
        super().__init__(meth, callback)


def proxy(obj, callback=None):
    return obj


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class WeakValueDictionary(dict):
    def valuerefs(self):
        return [ref(v) for v in self.values()]

    def itervaluerefs(self):
        return iter(self.valuerefs())


class WeakKeyDictionary(dict):
    def keyrefs(self):
        return [ref(k) for k in self.keys()]


class WeakSet(set):
    pass


class finalize:
    _registry = []

    def __init__(self, obj, func, /, *args, **kwargs):
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self.atexit = True
        finalize._registry.append(self)

    def __call__(self, _=None):
        if self._func is None:
            return None
        func, args, kwargs = self._func, self._args, self._kwargs
        self._func = None
        return func(*args, **kwargs)

    def detach(self):
        if self._func is None:
            return None
        info = (self._obj, self._func, self._args, self._kwargs)
        self._func = None
        return info

    def peek(self):
        if self._func is None:
            return None
        return (self._obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._func is not None
