import random

SIZE = 7
EMPTY, WHITE, BLACK = 0, 1, 2
SHOW = {EMPTY: ".", WHITE: "o", BLACK: "x"}

class Square:
    __slots__ = ("board", "pos", "color", "neighbours", "used")

    def __init__(self, board, pos):
        self.board = board
        self.pos = pos
        self.color = EMPTY
        self.neighbours = []
        self.used = False

    def set_neighbours(self):
        x, y = self.pos % SIZE, self.pos // SIZE
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < SIZE and 0 <= ny < SIZE:
                self.neighbours.append(self.board.squares[nx + ny * SIZE])

class Board:
    def __init__(self):
        self.squares = [Square(self, p) for p in range(SIZE * SIZE)]
        for s in self.squares:
            s.set_neighbours()
        self.color = BLACK

    def liberties(self, sq):
        seen, stack, libs = {sq.pos}, [sq], set()
        while stack:
            s = stack.pop()
            for n in s.neighbours:
                if n.color == EMPTY:
                    libs.add(n.pos)
                elif n.color == sq.color and n.pos not in seen:
                    seen.add(n.pos)
                    stack.append(n)
        return len(libs), seen

    def move(self, pos):
        sq = self.squares[pos]
        if sq.color != EMPTY:
            return False
        sq.color = self.color
        other = WHITE if self.color == BLACK else BLACK
        for n in sq.neighbours:
            if n.color == other:
                libs, group = self.liberties(n)
                if libs == 0:
                    for p in group:
                        self.squares[p].color = EMPTY
        self.color = other
        return True

    def __str__(self):
        return "\n".join("".join(SHOW[self.squares[x + y * SIZE].color] for x in range(SIZE)) for y in range(SIZE))

rng = random.Random(1)
b = Board()
moves = 0
for _ in range(200):
    if b.move(rng.randrange(SIZE * SIZE)):
        moves += 1
print(b)
print(moves, sum(1 for s in b.squares if s.color == BLACK), sum(1 for s in b.squares if s.color == WHITE))
try:
    b.squares[0].extra = 1
except AttributeError as e:
    print("AttributeError", e)
random.seed(5)
print(random.random(), random.choice("abc"), random.sample(range(100), 5), random.gauss(0, 1))
