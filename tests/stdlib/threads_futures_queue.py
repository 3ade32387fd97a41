"""threading, concurrent.futures, queue, weakref, warnings and numbers as single-threaded
programs use them (bench_thread_pool style): results as CPython gives them."""
import threading
import queue
import weakref
import warnings
import numbers
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, ALL_COMPLETED


def work(n):
    return sum(i * i for i in range(n))


results = []
lock = threading.Lock()


def worker(k):
    with lock:
        results.append((k, work(k)))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), lock.locked(), threading.current_thread().name, threading.main_thread() is threading.current_thread())

with ThreadPoolExecutor(max_workers=4) as ex:
    futures = [ex.submit(work, n) for n in (10, 100, 1000)]
    print([f.result() for f in futures], all(f.done() for f in futures))
    print(list(ex.map(work, [1, 2, 3, 4])))
    print(sorted(f.result() for f in as_completed(futures)))
    bad = ex.submit(lambda: 1 / 0)
    print(type(bad.exception()).__name__)
    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))

q = queue.Queue()
for i in range(5):
    q.put(i * 10)
print(q.qsize(), q.get(), q.get_nowait(), q.empty(), q.full())
pq = queue.PriorityQueue()
for x in (5, 1, 3):
    pq.put((x, "p%d" % x))
print([pq.get() for _ in range(3)])
lq = queue.LifoQueue(maxsize=2)
lq.put(1)
lq.put(2)
try:
    lq.put_nowait(3)
except queue.Full:
    print("Full", lq.get(), lq.get())
try:
    lq.get_nowait()
except queue.Empty:
    print("Empty")


class Node:
    def __init__(self, v):
        self.v = v


n = Node(7)
r = weakref.ref(n)
print(r() is n, r().v)
cache = weakref.WeakValueDictionary()
cache["a"] = n
print(cache["a"].v, "a" in cache, len(cache))
fin = weakref.finalize(n, print, "finalized")
print(fin.alive)
fin()
print(fin.alive)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
    warnings.warn("old", DeprecationWarning)
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", e)

print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Integral),
      isinstance(True, numbers.Number), isinstance("x", numbers.Number), issubclass(numbers.Integral, numbers.Complex))
