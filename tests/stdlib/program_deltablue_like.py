class OrderedCollection(list):
    def remove(self, elt):
        for i, e in enumerate(self):
            if e is elt:
                del self[i]
                return

class Strength(object):
    REQUIRED = None
    STRONG_PREFERRED = None
    PREFERRED = None
    STRONG_DEFAULT = None
    NORMAL = None
    WEAK_DEFAULT = None
    WEAKEST = None

    def __init__(self, strength, name):
        super(Strength, self).__init__()
        self.strength = strength
        self.name = name

    @classmethod
    def stronger(cls, s1, s2):
        return s1.strength < s2.strength

    @classmethod
    def weaker(cls, s1, s2):
        return s1.strength > s2.strength

    def __repr__(self):
        return "Strength(%r)" % self.name

Strength.REQUIRED = Strength(0, "required")
Strength.WEAKEST = Strength(6, "weakest")

class Variable(object):
    def __init__(self, name, initial_value=0):
        super(Variable, self).__init__()
        self.name = name
        self.value = initial_value
        self.constraints = OrderedCollection()
        self.walk_strength = Strength.WEAKEST

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)

vs = [Variable("v%d" % i, i) for i in range(10)]
for v in vs:
    for j in range(3):
        v.add_constraint(j)
vs[0].remove_constraint(1)
print([len(v.constraints) for v in vs], vs[0].constraints, Strength.stronger(Strength.REQUIRED, Strength.WEAKEST), Strength.REQUIRED)
