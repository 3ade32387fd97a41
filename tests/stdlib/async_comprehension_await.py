"""await inside comprehensions of an async def (list, set, dict, async for), awaiting tasks in a
comprehension: the awaits suspend the coroutine from the comprehension's own frame."""
import asyncio
async def h(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    r = [await h(i) for i in range(3)]
    s = {await h(i) for i in range(2)}
    d = {i: await h(i) for i in range(2)}
    g = [x async for x in agen()]
    t = await asyncio.gather(*[h(i) for i in range(3)])
    return r, s, d, g, t
async def agen():
    for i in range(3):
        await asyncio.sleep(0)
        yield i
print(asyncio.run(main()))
async def main2():
    tasks = [asyncio.create_task(h(i)) for i in range(3)]
    return [await t for t in tasks]
print(asyncio.run(main2()))
