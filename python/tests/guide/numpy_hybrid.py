# Undefined in the guide's fragment: a and b.
import numpy as np
a = np.arange(12, dtype=np.float64).reshape(3, 4)
b = np.ones((4, 2))

# NumPy fallback is 5-10x faster than pure Python for matrix ops
import numpy as np
from multilingualprogramming.runtime.python_fallbacks import MatrixOperations

# With numpy installed, MatrixOperations automatically uses numpy
# when WASM is not available
result = MatrixOperations.multiply(a, b)  # numpy path if WASM unavailable

assert isinstance(result, np.ndarray) and np.array_equal(result, a @ b), result
print("numpy hybrid:", result.tolist())
