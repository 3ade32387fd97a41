import random, copy
r = random.Random(5)
print(r.random(), r.randint(1, 100), r.choice([1,2,3]))
random.seed(3); print(random.random(), random.randrange(10))
print(r.randbytes(5))
class C:
    def __init__(self): self.a = [1, 2]; self.b = self.a
c = copy.deepcopy(C()); print(c.a, c.b is c.a)
x = [1, [2, 3]]; y = copy.copy(x); print(y[1] is x[1], copy.deepcopy(x)[1] is x[1])
t = (1, [2]); print(copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
