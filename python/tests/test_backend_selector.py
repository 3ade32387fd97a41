"""BackendSelector, BackendConfig, python_fallbacks: the runtime's operations from Python."""
import numpy as np
import pytest

from multilingualprogramming.runtime import python_fallbacks
from multilingualprogramming.runtime.backend_selector import (Backend, BackendConfig, BackendSelector, CallError,
                                                              ConfigError)
from multilingualprogramming.runtime.python_fallbacks import CryptoOperations, MatrixOperations, NumericOperations


def test_auto_detects_wasm_and_reports_calls(in_tmp):
    sel = BackendSelector()
    assert sel.is_wasm_available() and sel.backend == "wasm"
    assert sel.call_function("fibonacci", 30) == 832040
    r = sel.last_call_report
    assert (r["function"], r["backend"], r["fell_back"]) == ("numeric_fibonacci", "wasm", False)
    steps = sel.status["steps"]
    assert steps and all(ok for _, ok, _ in steps), steps
    assert sel.stats()["numeric_fibonacci"]["wasm_calls"] == 1


def test_python_backend_is_native(in_tmp):
    sel = BackendSelector(prefer_backend=Backend.PYTHON)
    assert not sel.is_wasm_available() and sel.backend == "python"
    assert sel.call_function("fibonacci", 30) == 832040
    assert sel.last_call_report["backend"] == "python"


def test_pyproject_table_is_read_with_origins(in_tmp):
    (in_tmp / "pyproject.toml").write_text('[tool.multilingual.wasm]\nbackend = "python"\nmemory_pages = 2048\n')
    cfg = BackendConfig.from_files()
    assert cfg.prefer_backend == Backend.PYTHON and cfg.memory_pages == 2048
    assert cfg.origin["memory_pages"].endswith("pyproject.toml:3")
    assert BackendSelector().backend == "python"
    assert BackendSelector(prefer_backend=Backend.WASM).backend == "wasm"  # the argument wins


def test_bad_configuration_is_a_located_error(in_tmp):
    (in_tmp / "pyproject.toml").write_text('[tool.multilingual.wasm]\nmemory_pages = "lots"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:2"):
        BackendSelector()
    with pytest.raises(ValueError):
        BackendConfig(memory_pages=0)


def test_unknown_operation_names_close_ones(in_tmp):
    with pytest.raises(CallError, match="fibonacci"):
        BackendSelector().call_function("fibonaci", 3)
    with pytest.raises(TypeError):
        BackendSelector().call_function("fibonacci", object())


def test_buffers_cross_as_numbers_matrices_and_bytes(in_tmp):
    sel = BackendSelector()
    a = np.arange(6, dtype=np.float64).reshape(2, 3)
    b = np.arange(6, dtype=np.float64).reshape(3, 2)
    assert sel.call_function("matrix_multiply", a, b) == (a @ b).tolist()
    assert sel.call_function("matrix_multiply", a.astype(np.int32), b.T.copy().T) == (a @ b).tolist()  # converted, strided
    assert sel.call_function("sum", np.array([1.5, 2.5, 3.0])) == 7.0
    data = bytes(range(200))
    enc = sel.call_function("xor_cipher", data, b"key")
    assert sel.call_function("xor_cipher", enc, b"key") == data
    assert sel.call_function("xor_cipher", memoryview(bytearray(data)), b"key") == enc


def test_families_and_numpy_fallback(in_tmp, monkeypatch):
    assert NumericOperations.fibonacci(10) == 55
    assert MatrixOperations.multiply([[1, 2]], [[3], [4]]) == [[11.0]]
    assert CryptoOperations.xor_cipher(b"ab", b"k") == bytes([ord("a") ^ ord("k"), ord("b") ^ ord("k")])
    # without WebAssembly, matrices go to numpy
    monkeypatch.setattr(python_fallbacks, "selector", lambda: BackendSelector(prefer_backend=Backend.PYTHON))
    r = MatrixOperations.multiply([[1, 2]], [[3], [4]])
    assert isinstance(r, np.ndarray) and r.tolist() == [[11.0]]
    assert MatrixOperations.determinant([[2.0, 0.0], [0.0, 3.0]]) == pytest.approx(6.0)


def test_buffers_are_borrowed_not_copied(in_tmp):
    # contiguous float64 arrays, uint8 arrays, bytes and bytearrays are read in place...
    from multilingualprogramming import _native
    info = _native.argument_info
    assert info(np.ones((3, 4))) == ("matrix", True)
    assert info(np.ones(5)) == ("list of numbers", True)
    assert info(np.zeros(12, dtype=np.uint8)) == ("bytes", True)
    assert info(b"abc") == ("bytes", True)
    assert info(bytearray(b"abc")) == ("bytes", True)
    assert info(memoryview(b"abcdef")[1:4]) == ("bytes", True)
    # ...other layouts and element types are converted once
    assert info(np.ones((3, 4)).T) == ("matrix", False)
    assert info(np.ones((3, 4), dtype=np.int32)) == ("matrix", False)
    assert info(np.ones(10)[::2]) == ("list of numbers", False)
    # lists of lists: one pass into a matrix for a matrix operation, a list otherwise
    assert info([[1, 2.5], [3, 4]], "matrix_multiply") == ("matrix", False)
    assert info([[1, 2.5], [3, 4]]) == ("list", False)
    assert info([[1, True], [3, 4]], "matrix_multiply") == ("list", False)  # bools: the general path
    assert info([[1, 2], [3]], "matrix_multiply") == ("list", False)  # ragged: reported by the operation


@pytest.mark.parametrize("backend", [Backend.WASM, Backend.PYTHON])
def test_borrowed_buffers_give_the_same_results(in_tmp, backend):
    import sys
    sel = BackendSelector(prefer_backend=backend)
    rng = np.random.default_rng(5)
    a, b = rng.random((30, 20)), rng.random((20, 10))
    assert np.allclose(sel.call_function("matrix_multiply", a, b), a @ b)
    assert sel.call_function("matrix_multiply", a, b) == sel.call_function("matrix_multiply", a.tolist(), b.tolist())
    assert sel.call_function("matrix_transpose", a) == a.T.tolist()
    with pytest.raises(CallError, match="rows differ"):
        sel.call_function("matrix_multiply", [[1, 2], [3]], [[1], [2]])
    px = rng.integers(0, 256, 8 * 6 * 3, dtype=np.uint8)
    blurred = sel.call_function("image_blur", px, 8, 6, 1)
    assert blurred == sel.call_function("image_blur", bytes(px), 8, 6, 1) == sel.call_function("image_blur", list(px.tolist()), 8, 6, 1)
    data = bytearray(rng.integers(0, 256, 1000, dtype=np.uint8).tobytes())
    enc = sel.call_function("xor_cipher", data, b"key")
    assert enc == bytes(x ^ b"key"[i % 3] for i, x in enumerate(data))
    data.extend(b"more")  # the buffer was let go: a held export would refuse the resize
    refs = sys.getrefcount(a)
    sel.call_function("matrix_multiply", a, b)
    assert sys.getrefcount(a) == refs  # and the array is not kept
