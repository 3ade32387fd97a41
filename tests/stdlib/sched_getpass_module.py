import getpass
import os
import sched

clock = [0.0]
log = []


def fake_time():
    return clock[0]


def fake_sleep(d):
    clock[0] += d
    log.append(("sleep", d))


s = sched.scheduler(fake_time, fake_sleep)


def act(name, *rest, **kw):
    log.append((name, clock[0], rest, kw))


e1 = s.enter(5, 1, act, ("five",))
s.enter(2, 2, act, ("two-low",))
s.enter(2, 1, act, ("two-high",), {"k": 1})
s.enterabs(1, 1, act, argument=("abs-one", "x"))
e3 = s.enter(3, 1, act, ("cancelled",))
s.cancel(e3)
print([ev.argument[0] for ev in s.queue], s.empty())
print(s.run(blocking=False), log)
log.clear()
s.run()
print(log, s.empty(), e1.time, e1.priority)
os.environ["LOGNAME"] = "tester"
print(getpass.getuser())
del os.environ["LOGNAME"]
os.environ["USER"] = "second"
print(getpass.getuser())
