"""Async tree in the style of pyperformance's async_tree: a tree of coroutines fanned out with
asyncio.gather and TaskGroup, with short sleeps standing in for I/O, memoization, and CPU work;
plus the asyncio pieces programs use around it (create_task, wait_for, Queue, Event, Lock)."""
import asyncio
import random

NUM_RECURSE_LEVELS = 4
NUM_RECURSE_BRANCHES = 4
IO_SLEEP_TIME = 0


class AsyncTree:
    def __init__(self, use_task_groups=False):
        self.cache = {}
        self.use_task_groups = use_task_groups
        self.calls = 0
        random.seed(1234)

    async def mock_io_call(self):
        await asyncio.sleep(IO_SLEEP_TIME)

    async def workload_func(self):
        self.calls += 1
        await self.mock_io_call()

    async def recurse_with_gather(self, recurse_level):
        await self.workload_func()
        if recurse_level > 0:
            coros = [self.recurse_with_gather(recurse_level - 1) for _ in range(NUM_RECURSE_BRANCHES)]
            results = await asyncio.gather(*coros)
            return 1 + sum(results)
        return 1

    async def recurse_with_task_group(self, recurse_level):
        await self.workload_func()
        if recurse_level > 0:
            async with asyncio.TaskGroup() as tg:
                tasks = [tg.create_task(self.recurse_with_task_group(recurse_level - 1))
                         for _ in range(NUM_RECURSE_BRANCHES)]
            return 1 + sum(t.result() for t in tasks)
        return 1

    async def run(self):
        if self.use_task_groups:
            return await self.recurse_with_task_group(NUM_RECURSE_LEVELS)
        return await self.recurse_with_gather(NUM_RECURSE_LEVELS)


class MemoizationTree(AsyncTree):
    async def workload_func(self):
        data = random.randint(1, 100)
        if data in self.cache:
            return self.cache[data]
        self.calls += 1
        await self.mock_io_call()
        self.cache[data] = data
        return data


class CpuIoMixedTree(AsyncTree):
    async def workload_func(self):
        self.calls += 1
        if random.random() < 0.5:
            await self.mock_io_call()
        else:
            sum(i * i for i in range(200))


for cls in (AsyncTree, MemoizationTree, CpuIoMixedTree):
    for tg in (False, True):
        tree = cls(use_task_groups=tg)
        nodes = asyncio.run(tree.run())
        print(cls.__name__, tg, nodes, tree.calls, len(tree.cache))

log = []


async def worker(name, delay, n):
    for i in range(n):
        await asyncio.sleep(delay)
        log.append((name, i))
    return name * n


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)


async def consumer(q):
    got = []
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return got
        got.append(item * item)


async def slow():
    await asyncio.sleep(1)
    return "slow"


async def main():
    t1 = asyncio.create_task(worker("a", 0.02, 3))
    t2 = asyncio.create_task(worker("b", 0.05, 2))
    print(await t1, await t2, t1.done(), t2.result())
    q = asyncio.Queue(maxsize=2)
    res = await asyncio.gather(producer(q, 5), consumer(q))
    print(res, q.empty(), q.qsize())
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    ev = asyncio.Event()
    order = []

    async def waiter(i):
        await ev.wait()
        order.append(i)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    order.append("set")
    ev.set()
    await asyncio.gather(*ws)
    print(order)
    lock = asyncio.Lock()
    trace = []

    async def critical(i):
        async with lock:
            trace.append(("in", i))
            await asyncio.sleep(0.001)
            trace.append(("out", i))

    await asyncio.gather(*(critical(i) for i in range(3)))
    print(trace)
    r = await asyncio.gather(asyncio.sleep(0, "x"), worker("c", 0, 1), return_exceptions=True)
    print(r)

    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")

    print(await asyncio.gather(boom(), asyncio.sleep(0, 5), return_exceptions=True))
    try:
        await asyncio.gather(boom())
    except ValueError as e:
        print("caught", e)
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    done, pending = await asyncio.wait([asyncio.create_task(worker("d", 0.001, 1)), asyncio.create_task(slow())],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.001)
            active.remove(i)
        return i

    print(await asyncio.gather(*(limited(i) for i in range(5))), peak[0])
    results = []
    for coro in asyncio.as_completed([worker("e", 0.03, 1), worker("f", 0.001, 1)]):
        results.append(await coro)
    print(results)
    return "main done"


print(asyncio.run(main()))
print(sorted(log))
