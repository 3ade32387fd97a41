from dataclasses import dataclass, field, asdict, replace, astuple
from typing import List, Dict, Optional
import math

@dataclass(frozen=True, order=True)
class State:
    x: int
    y: int

@dataclass
class MDP:
    width: int
    height: int
    rewards: Dict[State, float] = field(default_factory=dict)
    gamma: float = 0.9
    terminals: List[State] = field(default_factory=list)

    def states(self):
        return [State(x, y) for x in range(self.width) for y in range(self.height)]

    def actions(self, s):
        return [] if s in self.terminals else [(1, 0), (-1, 0), (0, 1), (0, -1)]

    def step(self, s, a):
        nx, ny = s.x + a[0], s.y + a[1]
        if 0 <= nx < self.width and 0 <= ny < self.height:
            return State(nx, ny)
        return s

def value_iteration(mdp, eps=1e-6):
    U = {s: 0.0 for s in mdp.states()}
    while True:
        delta = 0.0
        U1 = dict(U)
        for s in mdp.states():
            acts = mdp.actions(s)
            best = max((U[mdp.step(s, a)] for a in acts), default=0.0)
            U1[s] = mdp.rewards.get(s, -0.04) + mdp.gamma * best
            delta = max(delta, abs(U1[s] - U[s]))
        U = U1
        if delta < eps * (1 - mdp.gamma) / mdp.gamma:
            return U

m = MDP(4, 3, rewards={State(3, 2): 1.0, State(3, 1): -1.0}, terminals=[State(3, 2), State(3, 1)])
U = value_iteration(m)
for y in reversed(range(3)):
    print(" ".join("%7.4f" % U[State(x, y)] for x in range(4)))
print(State(1, 2) < State(2, 0), sorted([State(2, 1), State(1, 5), State(1, 2)]), replace(State(1, 1), y=9))
print(asdict(State(3, 4)), astuple(State(3, 4)), repr(m)[:60])
try:
    State(1, 2).x = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(State(1, 2)) == hash(State(1, 2)), State(1, 2) == State(1, 2), math.isclose(U[State(0, 0)], 0.7053, abs_tol=1e-3))
