# cProfile counts the calls of Python functions (recursive ones as total/primitive) and pstats
# sorts and prints them. Times vary from run to run, so only counts and names are shown here,
# and only for this file's functions (CPython adds rows for its builtins).
import cProfile
import io
import os
import pstats


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def helper(x):
    return x * 2


def work():
    total = 0
    for i in range(5):
        total += helper(i)
    return total + fib(6)


def rows(stats):
    out = []
    for (filename, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
        if os.path.basename(filename) == "cprofile_pstats.py":
            callers_here = sorted((f[2], c[1]) for f, c in callers.items()
                                  if os.path.basename(f[0]) == "cprofile_pstats.py")
            out.append((name, line, nc, cc, callers_here))
    return sorted(out)


prof = cProfile.Profile()
prof.enable()
result = work()
prof.disable()
print("result:", result)
st = pstats.Stats(prof)
for row in rows(st):
    print(row)

# runcall and the with block
prof2 = cProfile.Profile()
print("runcall:", prof2.runcall(fib, 5))
with cProfile.Profile() as prof3:
    helper(1)
    helper(2)
for row in rows(pstats.Stats(prof2)) + rows(pstats.Stats(prof3)):
    print(row)

# the printed table: its title, order line and this file's rows (without the times)
out = io.StringIO()
stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats("calls", "name")
stats.print_stats()
for line in out.getvalue().splitlines():
    if "function calls" in line:
        continue
    if "Ordered by" in line or "ncalls" in line:
        print(line)
    elif "cprofile_pstats.py" in line:
        print(line.split()[0], line.split()[-1])

out = io.StringIO()
pstats.Stats(prof, stream=out).strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats("fib")
print([line.split()[-1] for line in out.getvalue().splitlines() if "(fib)" in line])
print("reduced:", any("List reduced" in line for line in out.getvalue().splitlines()))
