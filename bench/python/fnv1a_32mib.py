"""Ten fnv1a calls on 32 MiB of bytes: a whole process for farm-bench, to compare two builds.

    farm-bench -n 5 --vs "env PYTHONPATH=OTHER/python python3 bench/python/fnv1a_32mib.py python" \\
               -- env PYTHONPATH=build/python python3 bench/python/fnv1a_32mib.py python
"""
import sys

import numpy as np

from multilingualprogramming.runtime.backend_selector import BackendSelector

sel = BackendSelector(prefer_backend=sys.argv[1] if len(sys.argv) > 1 else "python")
data = np.random.default_rng(1).integers(0, 256, 32 << 20, dtype=np.uint8).tobytes()
for _ in range(10):
    sel.call_function("fnv1a", data)
