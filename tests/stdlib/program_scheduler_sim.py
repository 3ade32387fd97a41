"""A discrete-event job scheduler: a heapq event queue, bisect-kept sorted timelines, total_ordering
jobs, a seeded random workload, statistics over the results and a generator-driven clock."""
import bisect
import heapq
import random
import statistics
from dataclasses import dataclass, field
from functools import total_ordering
from itertools import count


@total_ordering
class Job:
    _ids = count(1)

    def __init__(self, arrival, duration, priority):
        self.id = next(Job._ids)
        self.arrival = arrival
        self.duration = duration
        self.priority = priority
        self.start = None
        self.end = None

    def key(self):
        return (self.priority, self.arrival, self.id)

    def __eq__(self, other):
        return self.key() == other.key()

    def __lt__(self, other):
        return self.key() < other.key()

    def __repr__(self):
        return f"Job({self.id}, p{self.priority}, {self.arrival:.2f}+{self.duration:.2f})"


@dataclass(order=True)
class Event:
    time: float
    seq: int
    kind: str = field(compare=False)
    job: Job = field(compare=False, default=None)


class Scheduler:
    def __init__(self, workers):
        self.free = workers
        self.events = []
        self.ready = []
        self.seq = count()
        self.busy_intervals = []
        self.log = []

    def push(self, t, kind, job=None):
        heapq.heappush(self.events, Event(t, next(self.seq), kind, job))

    def run(self):
        while self.events:
            ev = heapq.heappop(self.events)
            now = ev.time
            if ev.kind == "arrive":
                heapq.heappush(self.ready, ev.job)
            elif ev.kind == "done":
                self.free += 1
                ev.job.end = now
                bisect.insort(self.busy_intervals, (ev.job.start, now))
            while self.free and self.ready:
                job = heapq.heappop(self.ready)
                job.start = now
                self.free -= 1
                self.log.append((round(now, 3), job.id, job.priority))
                self.push(now + job.duration, "done", job)
            yield now


def busy_at(intervals, t):
    i = bisect.bisect_right(intervals, (t, float("inf")))
    return sum(1 for s, e in intervals[:i] if e > t)


rng = random.Random(2024)
jobs = []
t = 0.0
for _ in range(40):
    t += rng.expovariate(2.0)
    jobs.append(Job(t, rng.uniform(0.2, 1.5), rng.choice([1, 1, 2, 3])))

sched = Scheduler(workers=3)
for j in jobs:
    sched.push(j.arrival, "arrive", j)
ticks = list(sched.run())
print(len(ticks), round(ticks[-1], 4))
print(sched.log[:6])
waits = [j.start - j.arrival for j in jobs]
turn = [j.end - j.arrival for j in jobs]
print(round(statistics.mean(waits), 4), round(statistics.median(waits), 4), round(max(waits), 4))
print(round(statistics.mean(turn), 4), round(statistics.stdev(turn), 4))
for p in (1, 2, 3):
    w = [j.start - j.arrival for j in jobs if j.priority == p]
    print(p, len(w), round(statistics.fmean(w), 4) if w else None)
print([busy_at(sched.busy_intervals, x) for x in (1.0, 5.0, 10.0, 15.0)])
print(sorted(jobs)[:3], min(jobs) <= max(jobs), heapq.nsmallest(3, jobs, key=lambda j: j.duration))
grades = [60, 70, 80, 90]
print([("FDCBA")[bisect.bisect(grades, round(j.duration * 60))] for j in jobs[:12]])
q = statistics.quantiles([round(x, 3) for x in turn], n=4)
print([round(x, 3) for x in q])
merged = list(heapq.merge(sorted(waits[:10]), sorted(turn[:10]), reverse=False))
print(len(merged), round(merged[0], 4), round(merged[-1], 4))
