import random
r = random.Random(12345)
print([r.randrange(10**30) for _ in range(3)])
print(r.randint(-5, 5), r.randrange(0, 100, 7), r.choice("abcdef"), r.getrandbits(100))
l = list(range(20)); r.shuffle(l); print(l)
print(r.sample(range(1000), 10))
print(r.sample(['a','b','c','d'], 2))
print(r.choices('abc', weights=[1, 5, 2], k=6))
print(r.choices('abc', cum_weights=[1, 6, 8], k=3))
print([round(r.gauss(10, 2), 12) for _ in range(5)])
s = r.getstate(); a = r.gauss(); r.setstate(s); print(a == r.gauss())
print(r.gammavariate(0.5, 2), r.gammavariate(1.0, 2), r.betavariate(0.5, 0.5))
for bad in [(0,), (5, 5), (1, 10, 0)]:
    try: r.randrange(*bad)
    except ValueError as e: print("VE", e)
try: r.randint(3, 1)
except ValueError as e: print("VE", e)
random.seed(2024)
print(random.random(), random.randint(1, 6), random.uniform(1, 2), random.expovariate(0.2))
class MyR(random.Random):
    pass
m = MyR(7); print(m.random(), m.normalvariate(), isinstance(m, random.Random))
print(r.randbytes(5).hex(), random.getrandbits(70))
import random
random.seed(42)
print(random.gauss(0, 1), random.normalvariate(0, 1), random.expovariate(1.5), random.triangular(0, 1, 0.3))
print(random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(2), random.weibullvariate(1, 2))
