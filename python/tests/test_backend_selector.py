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
