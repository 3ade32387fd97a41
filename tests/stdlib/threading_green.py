"""Threads that wait for each other, as real programs write them: a worker pool over a Queue
with task_done/join and sentinels, Event hand-offs, a Condition-based bounded buffer, a
Semaphore, a Barrier, RLock re-entry, Timer, thread-local data, sleeps ordering the output, and
join with a timeout. Output that does not depend on the scheduler, as CPython prints it."""
import queue
import threading
import time

# a worker pool: results gathered under a lock, the queue joined, workers stopped by sentinels
jobs = queue.Queue()
results = {}
lock = threading.Lock()


def worker():
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            return
        value = sum(i * i for i in range(item))
        with lock:
            results[item] = value
        jobs.task_done()


pool = [threading.Thread(target=worker, name="w%d" % i) for i in range(3)]
for t in pool:
    t.start()
for n in range(10, 20):
    jobs.put(n)
jobs.join()
print(sorted(results.items())[:3], len(results), all(t.is_alive() for t in pool))
for _ in pool:
    jobs.put(None)
for t in pool:
    t.join()
print([t.is_alive() for t in pool], threading.active_count())

# an event hand-off in both directions
ready, go = threading.Event(), threading.Event()
log = []


def waiter():
    ready.set()
    go.wait()
    log.append("waiter ran after go")


t = threading.Thread(target=waiter)
t.start()
ready.wait()
log.append("main saw ready")
go.set()
t.join()
print(log)

# a bounded buffer on a Condition: producer and consumer take turns
buf, cap = [], 2
cond = threading.Condition()
consumed = []


def producer():
    for i in range(6):
        with cond:
            cond.wait_for(lambda: len(buf) < cap)
            buf.append(i)
            cond.notify_all()


def consumer():
    for _ in range(6):
        with cond:
            cond.wait_for(lambda: buf)
            consumed.append(buf.pop(0))
            cond.notify_all()


threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(consumed, buf)

# at most two at a time in the guarded section
sem = threading.Semaphore(2)
inside = [0]
peak = [0]


def guarded(k):
    with sem:
        inside[0] += 1
        peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        inside[0] -= 1


ts = [threading.Thread(target=guarded, args=(k,)) for k in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak", peak[0], "inside", inside[0])

# a barrier: every phase-1 line comes before any phase-2 line
barrier = threading.Barrier(3)
phases = []


def phased(k):
    phases.append(("p1", k))
    barrier.wait()
    phases.append(("p2", k))


ts = [threading.Thread(target=phased, args=(k,)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([p for p, _ in phases], sorted(k for p, k in phases if p == "p2"))

# sleeps order the threads' output (gaps wide enough that starting the threads cannot reorder them)
order = []


def sleeper(name, delay):
    time.sleep(delay)
    order.append(name)


ts = [threading.Thread(target=sleeper, args=(n, d)) for n, d in (("slow", 0.5), ("fast", 0.1), ("mid", 0.3))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order)

# re-entrant locking, a timer, thread-local data, a join that times out
rl = threading.RLock()
with rl:
    with rl:
        print("rlock twice")
fired = []
tm = threading.Timer(0.01, fired.append, args=["timer"])
tm.start()
tm.join()
cancelled = threading.Timer(10, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)

local = threading.local()
local.value = "main"
seen = []


def show(v):
    local.value = v
    time.sleep(0.005)
    seen.append((threading.current_thread().name, local.value))


ts = [threading.Thread(target=show, args=(v,), name="t-" + v) for v in ("x", "y")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), local.value)

stop = threading.Event()
long = threading.Thread(target=stop.wait, daemon=True)
long.start()
long.join(timeout=0.02)
print("still waiting:", long.is_alive(), long.daemon)
stop.set()
long.join()
print("done:", long.is_alive())
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after the timeout")
print(threading.Lock().acquire(timeout=0.01), threading.current_thread().name)

# a thread still running when the main module ends is waited for
def late():
    time.sleep(0.02)
    print("late thread finished")


threading.Thread(target=late).start()
print("main module ends")
