"""What crossing a large buffer costs: operations on numpy arrays and bytes, timed per call.

    PYTHONPATH=build/python /usr/bin/python3 bench/python/buffer_crossing.py [wasm|python]

timeit, best of 5 repeats, milliseconds per call. Run it against two builds to compare (the
arrays are read in place when they cross, or copied when they do not).
"""
import sys
import timeit

import numpy as np

from multilingualprogramming.runtime.backend_selector import Backend, BackendConfig, BackendSelector


def main():
    backend = Backend(sys.argv[1]) if len(sys.argv) > 1 else Backend.PYTHON
    sel = BackendSelector(prefer_backend=backend, config=BackendConfig(memory_pages=4096))  # room for 32 MiB in and out
    rng = np.random.default_rng(1)
    data = rng.integers(0, 256, 32 << 20, dtype=np.uint8).tobytes()  # 32 MiB of bytes
    pixels = rng.integers(0, 256, 1024 * 1024 * 3, dtype=np.uint8)    # a 1024x1024 RGB image
    a, b = rng.random((1000, 8)), rng.random((8, 1000))                # 8 MB of doubles each way
    la, lb = rng.random((300, 300)).tolist(), rng.random((300, 300)).tolist()  # lists of lists of float
    cases = [
        ("fnv1a, 32 MiB bytes", lambda: sel.call_function("fnv1a", data), 5),
        ("xor_cipher, 32 MiB bytes", lambda: sel.call_function("xor_cipher", data, b"key"), 5),
        ("image_blur 1024x1024 RGB uint8 array", lambda: sel.call_function("image_blur", pixels, 1024, 1024, 1), 5),
        ("matrix_multiply (1000x8) @ (8x1000) float64 arrays", lambda: sel.call_function("matrix_multiply", a, b), 5),
        ("matrix_transpose 1000x8 float64 array", lambda: sel.call_function("matrix_transpose", a), 50),
        ("matrix_multiply 300x300 lists of lists", lambda: sel.call_function("matrix_multiply", la, lb), 5),
    ]
    print(f"backend: {sel.backend}")
    for name, f, number in cases:
        f()
        ms = min(timeit.repeat(f, number=number, repeat=5)) / number * 1e3
        print(f"{name:<52} {ms:9.3f} ms")


if __name__ == "__main__":
    main()
