"""Coroutines driven by a small hand-written event loop (no asyncio): async def / await,
__await__ on custom awaitables, async iterators and generators, async with, types.coroutine."""
import types
import collections
import heapq


@types.coroutine
def sleep(delay):
    yield ("sleep", delay)


@types.coroutine
def switch():
    yield ("switch", 0)


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.waiters = []

    def set_result(self, value):
        self.done = True
        self.result = value
        for w in self.waiters:
            LOOP.ready.append((w, None))
        self.waiters = []

    def __await__(self):
        if not self.done:
            yield ("wait", self)
        return self.result


class Loop:
    def __init__(self):
        self.ready = collections.deque()
        self.timers = []
        self.now = 0
        self.seq = 0
        self.log = []

    def spawn(self, coro):
        self.ready.append((coro, None))

    def run(self):
        while self.ready or self.timers:
            if not self.ready:
                t, _, coro = heapq.heappop(self.timers)
                self.now = t
                self.ready.append((coro, None))
            coro, value = self.ready.popleft()
            try:
                op, arg = coro.send(value)
            except StopIteration as e:
                self.log.append(("done", getattr(coro, "__name__", "?"), e.value))
                continue
            if op == "sleep":
                self.seq += 1
                heapq.heappush(self.timers, (self.now + arg, self.seq, coro))
            elif op == "switch":
                self.ready.append((coro, None))
            elif op == "wait":
                arg.waiters.append(coro)


LOOP = Loop()


async def fib(n):
    if n < 2:
        return n
    a = await fib(n - 1)
    b = await fib(n - 2)
    return a + b


async def worker(name, n, fut):
    total = 0
    for i in range(n):
        await sleep(i % 3)
        total += i
    if fut is not None:
        fut.set_result(total)
    return name, total, LOOP.now


async def waiter(fut):
    value = await fut
    return "got", value


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await switch()
        self.i += 1
        return self.i * self.i


async def agen(n):
    for i in range(n):
        await switch()
        yield i * 10


class Resource:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("enter")
        await switch()
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append(("exit", et.__name__ if et else None))
        return et is KeyError


async def consumer():
    out = []
    async for sq in Ticker(5):
        out.append(sq)
    out += [x async for x in agen(4)]
    log = []
    async with Resource(log) as r:
        log.append(r is not None)
    async with Resource(log):
        raise KeyError("swallowed")
    try:
        async with Resource(log):
            raise ValueError("kept")
    except ValueError as e:
        log.append(str(e))
    return out, log


async def thrower():
    try:
        await sleep(1)
    except RuntimeError as e:
        return "caught " + str(e)
    return "not reached"


def run_fib():
    c = fib(15)
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


print(run_fib())
fut = Future()
LOOP.spawn(worker("a", 6, fut))
LOOP.spawn(worker("b", 4, None))
LOOP.spawn(waiter(fut))
LOOP.spawn(consumer())
LOOP.run()
for entry in LOOP.log:
    print(entry)

t = thrower()
print(t.send(None))
try:
    t.throw(RuntimeError("boom"))
except StopIteration as e:
    print(e.value)

c = fib(3)
print(type(c).__name__, c.cr_running if hasattr(c, "cr_running") else "-", c.__name__)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def nested():
    async def inner(x):
        return x * 2
    return [await inner(i) for i in range(4)]


try:
    nested().send(None)
except StopIteration as e:
    print(e.value)

g = agen(2)
print(type(g).__name__, hasattr(g, "__anext__"), hasattr(g, "asend"))
