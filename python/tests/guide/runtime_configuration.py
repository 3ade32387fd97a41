# Undefined in the guide's fragment: Backend and BackendSelector.
from multilingualprogramming.runtime.backend_selector import Backend, BackendSelector

from multilingualprogramming.runtime.backend_selector import BackendConfig

config = BackendConfig(
    prefer_backend=Backend.AUTO,
    cranelift=True,
    vectorization=True,
    simd=True,
    cache=True,
    memory_pages=1024,
)
selector = BackendSelector(config=config)
print("configured:", selector.backend, selector.call_function("fibonacci", 20))
