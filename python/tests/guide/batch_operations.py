# Undefined in the guide's fragment: selector and fib.
from multilingualprogramming.runtime.backend_selector import BackendSelector
selector = BackendSelector()
fib = lambda n: selector.call_function("fibonacci", n)

# Slow: individual calls
results = []
for n in range(1, 100):
    results.append(selector.call_function("fibonacci", n))

# Fast: batch when possible (WASM works best on large data)
import numpy as np
data = np.arange(1, 100, dtype=np.int64)
# Use numpy operations directly for best performance
results = [fib(n) for n in data]  # still fast with WASM

print(results[:10], results[-1])
