"""The library operations by family, for code that calls them directly:

    from multilingualprogramming.runtime.python_fallbacks import MatrixOperations
    MatrixOperations.multiply(a, b)

Each family (MatrixOperations, NumericOperations, StringOperations, CryptoOperations,
DataOperations, JsonOperations, SearchOperations, ImageOperations, ...) has one static method
per operation of its category, named without the category ("matrix_multiply" -> multiply).
They run on the WebAssembly kernels when those load; otherwise the matrix operations and sums
use numpy when it is installed (as the seed promises), and everything else the runtime's
native C++ kernels. numpy arrays and bytes are read through the buffer protocol.
"""
import functools

from .. import _native
from .backend_selector import BackendSelector

try:
    import numpy as np
except ImportError:  # numpy is optional
    np = None

HAS_NUMPY = np is not None


@functools.lru_cache(maxsize=1)
def selector():
    """The selector the families share (Backend.AUTO, the working folder's configuration)."""
    return BackendSelector()


def _numpy_path():
    return HAS_NUMPY and not selector().is_wasm_available()


def _is_array(x):
    return HAS_NUMPY and isinstance(x, np.ndarray)


# numpy versions of the operations numpy does best; used only when WebAssembly is not available.
def _np_multiply(a, b):
    return np.matmul(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))


def _np_transpose(a):
    return np.asarray(a, dtype=np.float64).T


def _np_determinant(a):
    return float(np.linalg.det(np.asarray(a, dtype=np.float64)))


def _np_sum(items):
    return float(np.sum(np.asarray(items, dtype=np.float64)))


_NUMPY = {
    "matrix_multiply": _np_multiply,
    "matrix_transpose": _np_transpose,
    "matrix_determinant": _np_determinant,
    "data_sum": _np_sum,
}


def _operation(name, params, summary, numpy_version):
    def call(*args):
        if numpy_version is not None and _numpy_path():
            return numpy_version(*args)
        result = selector().call_function(name, *args)
        if HAS_NUMPY and name.startswith("matrix_") and isinstance(result, list) and any(_is_array(a) for a in args):
            return np.asarray(result, dtype=np.float64)  # arrays in, an array out
        return result

    call.__name__ = name
    call.__doc__ = f"{name}{params}: {summary}"
    return staticmethod(call)


def _families():
    families = {}
    for name, category, params, summary, _wasm in _native.operations():
        prefix = category + "_"
        short = name[len(prefix):] if name.startswith(prefix) else name
        methods = families.setdefault(category, {})
        methods[short] = _operation(name, params, summary, _NUMPY.get(name))
    return families


for _category, _methods in _families().items():
    _cls_name = _category.capitalize() + "Operations"
    _methods["__doc__"] = f"The {_category} operations of the runtime's library."
    globals()[_cls_name] = type(_cls_name, (), _methods)

__all__ = [n for n in globals() if n.endswith("Operations")] + ["HAS_NUMPY", "selector"]
