# go / hexiom / deltablue / mdp-like structure: slots, properties, class attributes, sorting,
# string building, sets of tuples, generators, closures, exceptions as control flow
import random, io, itertools, functools
class Square:
    __slots__ = ("pos", "color", "neighbours")
    def __init__(self, pos):
        self.pos, self.color, self.neighbours = pos, 0, []
class Board:
    SIZE = 5
    def __init__(self):
        self.squares = [Square(i) for i in range(self.SIZE * self.SIZE)]
        for sq in self.squares:
            x, y = divmod(sq.pos, self.SIZE)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if 0 <= nx < self.SIZE and 0 <= ny < self.SIZE:
                    sq.neighbours.append(self.squares[nx * self.SIZE + ny])
    @property
    def empty(self):
        return [s for s in self.squares if not s.color]
    def __str__(self):
        out = io.StringIO()
        for y in range(self.SIZE):
            print("".join(".XO"[self.squares[y * self.SIZE + x].color] for x in range(self.SIZE)), file=out)
        return out.getvalue()
rng = random.Random(1)
b = Board()
for turn in range(12):
    sq = rng.choice(b.empty)
    sq.color = 1 + turn % 2
print(b, len(b.empty), sum(len(s.neighbours) for s in b.squares))
class Done(Exception):
    pass
def solve(cells, target):
    seen = set()
    def rec(i, total, path):
        if total == target:
            raise Done(tuple(path))
        if i >= len(cells) or total > target or (i, total) in seen:
            return
        seen.add((i, total))
        rec(i + 1, total + cells[i], path + [cells[i]])
        rec(i + 1, total, path)
    try:
        rec(0, 0, [])
    except Done as d:
        return d.args[0]
    return None
print(solve([3, 34, 4, 12, 5, 2], 9), solve([1, 2], 10))
def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter(); c(); c(5); print(c())
states = {(x, y): (x * 7 + y * 3) % 5 for x in range(4) for y in range(4)}
best = max(states.items(), key=lambda kv: (kv[1], kv[0]))
print(best, sorted(states.values()).count(0), min(states, key=states.get))
@functools.cache
def value(state, depth):
    if depth == 0:
        return states.get(state, 0)
    x, y = state
    return max(value((nx, ny), depth - 1) for nx, ny in ((x + 1, y), (x, y + 1)) if (nx, ny) in states) if (x < 3 or y < 3) else states[state]
print(value((0, 0), 4))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3], "".join(sorted(set("".join(words)))))
print(list(itertools.islice((i * i for i in itertools.count(1) if i % 3), 5)), [list(g) for _, g in itertools.groupby(sorted(words, key=len), key=len)][:2])
print("%-10s|%10s|" % ("left", "right"), "{:^9}".format("mid"), "{:*<6}{:#>4}".format("a", "b"), f"{3:{4}d}|{2.5:{'>'}{8}.2f}")
