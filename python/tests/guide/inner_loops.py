# Undefined in the guide's fragment: the matrices and their sizes.
large_matrix_a = [[float(i + j) for j in range(60)] for i in range(40)]
large_matrix_b = [[float(i - j) for j in range(50)] for i in range(60)]
a, b = large_matrix_a, large_matrix_b
n, m = 40, 50

# Computation-heavy inner loop → WASM shines
from multilingualprogramming.runtime.python_fallbacks import MatrixOperations

# Instead of nested Python loops:
result = MatrixOperations.multiply(large_matrix_a, large_matrix_b)

# Rather than:
expected = [[sum(a[i][k]*b[k][j] for k in range(60)) for j in range(m)] for i in range(n)]
assert result == expected, "the library's product differs from the nested loops"
print("inner loops: same product", len(result), "x", len(result[0]))
