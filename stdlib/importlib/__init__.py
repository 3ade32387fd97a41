"""importlib's everyday part: import_module (absolute or relative to a package) and
invalidate_caches; imports go through __import__ and sys.modules like the import statement."""
import sys

__all__ = ["import_module", "invalidate_caches"]


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(f"the 'package' argument is required to perform a relative import for {name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if name in sys.modules and sys.modules[name] is not None:
        return sys.modules[name]
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Nothing is cached beyond sys.modules, which this leaves alone, as CPython's does."""
