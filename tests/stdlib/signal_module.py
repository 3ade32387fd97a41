# signal: Python handlers for SIGUSR1/SIGTERM/SIGALRM/SIGINT run between statements, alarm,
# getsignal, SIG_DFL/SIG_IGN, default_int_handler, the Signals/Handlers enums.
import os
import signal
import time

print(repr(signal.SIGINT), int(signal.SIGTERM), signal.Signals(10).name, repr(signal.SIG_DFL), repr(signal.SIG_IGN))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, repr(signal.getsignal(signal.SIGUSR2)))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGINT), signal.SIGABRT.name)
print(signal.SIGALRM in signal.valid_signals(), isinstance(signal.SIGINT, int))

seen = []


def handler(signum, frame):
    seen.append(signal.Signals(signum).name)


old = signal.signal(signal.SIGUSR1, handler)
print(repr(old), signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", seen)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", seen)

# a handler that raises: the exception comes out of the statement running when it arrived
class Stop(Exception):
    pass


def stopper(signum, frame):
    raise Stop("signal %d" % signum)


signal.signal(signal.SIGTERM, stopper)
try:
    os.kill(os.getpid(), signal.SIGTERM)
    print("not reached")
except Stop as exc:
    print("caught", exc)

# SIGALRM cuts a sleep short; a handler that returns lets the sleep go on for the time left
signal.signal(signal.SIGALRM, handler)
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print("slept on", time.monotonic() - start >= 0.19, seen[-1])

signal.signal(signal.SIGALRM, stopper)
print(signal.alarm(1), signal.alarm(1) >= 0)
try:
    while True:
        pass
except Stop as exc:
    print("loop stopped by", exc)
print(signal.alarm(0))

# SIG_IGN and SIG_DFL
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)) == repr(handler))
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored", repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))

# SIGINT: a handler of our own, then the default KeyboardInterrupt back
signal.signal(signal.SIGINT, handler)
os.kill(os.getpid(), signal.SIGINT)
print(seen[-1])
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

for bad in [lambda: signal.signal(99, signal.SIG_DFL), lambda: signal.signal(signal.SIGINT, 5),
            lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN), lambda: signal.getsignal(0)]:
    try:
        bad()
    except (ValueError, TypeError, OSError) as exc:
        print(type(exc).__name__ + ":", exc)
