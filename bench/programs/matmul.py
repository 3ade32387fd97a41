def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        row = c[i]
        ai = a[i]
        for p in range(k):
            aip = ai[p]
            bp = b[p]
            for j in range(m):
                row[j] += aip * bp[j]
    return c

size = 200  # bench:param
a = [[float(i * size + j) / 1000.0 for j in range(size)] for i in range(size)]
b = [[float(i - j) / 500.0 for j in range(size)] for i in range(size)]
c = matmul(a, b)  # bench:work
print(round(sum(sum(row) for row in c), 3))  # checks the result, not timed
