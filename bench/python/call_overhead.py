"""Per-call cost of BackendSelector.call_function("fibonacci", 1) against a plain Python call.

    PYTHONPATH=build/python /usr/bin/python3 bench/python/call_overhead.py

timeit, best of 7 repeats of N calls each, reported per call in microseconds.
"""
import sys
import timeit

from multilingualprogramming.runtime.backend_selector import Backend, BackendSelector


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def per_call_us(stmt, number, glb):
    return min(timeit.repeat(stmt, number=number, repeat=7, globals=glb)) / number * 1e6


def main():
    number = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    wasm = BackendSelector(prefer_backend=Backend.WASM)
    native = BackendSelector(prefer_backend=Backend.PYTHON)
    wasm.call_function("fibonacci", 1)  # first call: module loading (the guide's "first-call overhead")
    g = {"wasm": wasm, "native": native, "fibonacci": fibonacci}
    rows = [
        ("plain Python function fibonacci(1)", per_call_us("fibonacci(1)", number, g)),
        ("call_function('fibonacci', 1), wasm", per_call_us("wasm.call_function('fibonacci', 1)", number, g)),
        ("call_function('fibonacci', 1), python (native C++)", per_call_us("native.call_function('fibonacci', 1)", number, g)),
        ("call_function('fibonacci', 30), wasm", per_call_us("wasm.call_function('fibonacci', 30)", number, g)),
        ("plain Python function fibonacci(30)", per_call_us("fibonacci(30)", number, g)),
    ]
    print(f"{'call':<52} {'us/call':>9}")
    for name, us in rows:
        print(f"{name:<52} {us:9.3f}")


if __name__ == "__main__":
    main()
