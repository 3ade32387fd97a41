"""Each Python example of the seed guide (shared/seed/wasm_performance_guide.txt), as written,
run as a script (guide/*.py; fragments get their undefined names first)."""
import re


def test_builtin_benchmark(run_guide):
    out = run_guide("benchmark.py")
    assert "WASM not available" not in out, out
    assert re.search(r"fibonacci:\n Python: [\d.]+ms\n WASM: [\d.]+ms\n Speedup: [\d.]+x\n", out), out
    assert re.search(r"matrix_multiply:\n Python: [\d.]+ms\n WASM: [\d.]+ms\n Speedup: [\d.]+x\n", out), out


def test_cprofile_sees_the_program(run_guide):
    out = run_guide("cprofile_example.py")
    lines = out.splitlines()
    assert lines[0] == str(sum(n * n for n in range(1000))), out[:300]
    assert "function calls" in out and "cumulative" in out
    assert "(execute)" in out and re.search(r"\{built-in method [\w.]*\brun\}", out), out


def test_batch_operations(run_guide):
    out = run_guide("batch_operations.py")
    assert out.strip() == "[1, 1, 2, 3, 5, 8, 13, 21, 34, 55] 218922995834555169026", out


def test_inner_loops(run_guide):
    assert run_guide("inner_loops.py").strip() == "inner loops: same product 40 x 50"


def test_preloading(run_guide):
    assert run_guide("preloading.py").strip() == "WASM modules preloaded"


def test_numpy_hybrid(run_guide):
    assert run_guide("numpy_hybrid.py").strip() == "numpy hybrid: [[6.0, 6.0], [22.0, 22.0], [38.0, 38.0]]"


def test_runtime_configuration(run_guide):
    assert run_guide("runtime_configuration.py").strip() == "configured: wasm 6765"


def test_memory_configuration(run_guide):
    assert run_guide("memory.py").strip() == "memory: wasm 300.0"


def test_troubleshooting_checks(run_guide):
    lines = run_guide("troubleshooting.py").splitlines()
    assert lines[0] == "wasm"
    assert re.fullmatch(r"Time: [\d.]+ms", lines[1])
    assert [re.fullmatch(r"Call (\d): [\d.]+ms", line).group(1) for line in lines[2:]] == list("01234")


PYPROJECT = """[tool.multilingual.wasm]
backend = "auto" # "auto" | "python" | "wasm"
cranelift = true # Use Cranelift compiler
vectorization = true # Enable SIMD vectorization
simd = true # Enable SIMD instructions
parallel = true # Enable parallel execution
cache = true # Cache WASM modules
memory_pages = 1024 # Linear memory (64MB default)
timeout_ms = 0 # 0 = no timeout
"""


def test_pyproject_settings_as_written(run_guide):
    # the guide's [tool.multilingual.wasm] table, then a selector reading it from the working folder
    out = run_guide("troubleshooting.py", {"pyproject.toml": PYPROJECT})
    assert out.splitlines()[0] == "wasm"
    forced = run_guide("troubleshooting.py", {"pyproject.toml": PYPROJECT.replace('backend = "auto"', 'backend = "python"')})
    assert forced.splitlines()[0] == "python"
