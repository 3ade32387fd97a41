# Undefined in the guide's fragment: BackendConfig and BackendSelector.
from multilingualprogramming.runtime.backend_selector import BackendConfig, BackendSelector

# For matrices > 512MB, increase memory pages
config = BackendConfig(memory_pages=8192)  # 512MB
selector = BackendSelector(config=config)

# Increase linear memory
config = BackendConfig(memory_pages=8192)
selector = BackendSelector(config=config)
big = [[1.0] * 300 for _ in range(300)]
print("memory:", selector.backend, selector.call_function("matrix_multiply", big, big)[0][0])
