# ranges near the ends of the 64-bit line: lengths and steps that overflow int64 arithmetic
r = range(-2**63 + 1, 2**63 - 1, 2**62)
print(len(r), list(r))
print([x for x in range(2**63 - 3, 2**63 - 1)])
for x in range(-2**63 + 2, -2**63, -1):
    print(x)
print(sum(1 for _ in range(0, 2**63 - 1, 2**61)), list(reversed(range(0, 2**62, 2**60))))
print(list(range(9223372036854775806, 9223372036854775807)), range(-5, 2**63 - 1, 2**62)[1])
