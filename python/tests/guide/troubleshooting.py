from multilingualprogramming.runtime.backend_selector import BackendSelector
# Undefined in the guide's fragments: your_operation and selector.
selector = BackendSelector()
your_operation = lambda: selector.call_function("fibonacci", 25)

print(BackendSelector().backend)  # should be "wasm"

import time
start = time.perf_counter()
result = your_operation()
print(f"Time: {(time.perf_counter()-start)*1000:.2f}ms")

for i in range(5):
    start = time.perf_counter()
    selector.call_function("fibonacci", 30)
    print(f"Call {i}: {(time.perf_counter()-start)*1000:.2f}ms")

# At application start
selector.call_function("fibonacci", 1)  # triggers loading + caching
