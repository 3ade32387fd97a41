"""Threads (Python's threading module) as green threads: each thread's run() is a coroutine on a
stack of its own, and threads take turns, never preempted. start() runs the new thread at once
until it blocks (on a lock, an event, a condition, a queue, a join or a sleep) or ends; a thread
that blocks hands the turn back, and whoever blocks in the main thread runs the threads that can
go on (round robin) until what it waits for holds. So joins, locks, events, conditions,
semaphores, barriers and queue.Queue behave as in CPython, and a program whose output does not
depend on the scheduler prints what CPython prints. When every thread waits for another and
none has a timeout, CPython would hang: here that is a RuntimeError naming the deadlock.

time.sleep is replaced (as gevent's monkey-patching does) so a sleeping thread lets the others
run. The main module waits for the non-daemon threads at its end (_shutdown), as CPython does."""
import sys as _sys
import time as _time
from collections import deque as _deque
from _coswitch import try_suspend as _try_suspend

__all__ = ["Thread", "Lock", "RLock", "Event", "Condition", "Semaphore", "BoundedSemaphore",
           "Timer", "Barrier", "BrokenBarrierError", "local", "current_thread", "main_thread",
           "active_count", "enumerate", "get_ident", "get_native_id", "TIMEOUT_MAX", "ThreadError",
           "excepthook", "ExceptHookArgs"]

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_counter = 0
_real_sleep = _time.sleep
_monotonic = _time.monotonic


def _newname(template="Thread-%d"):
    global _counter
    _counter += 1
    return template % _counter


# ---------------------------------------------------------------- the scheduler
_live = []      # started threads that have not ended (the main thread not among them)
_turn = 0       # where the next round-robin search starts in _live


def _ready(t):
    """Whether thread t (waiting) can go on: what it waits for holds, or its time is up."""
    pred, deadline = t._waiting
    return pred() or (deadline is not None and _monotonic() >= deadline)


def _step(t):
    """Runs thread t until it blocks again or ends; back here, in the caller's thread, after."""
    global _current
    saved = _current
    _current = t
    try:
        t._coro.send(None)
    except StopIteration:
        pass
    finally:
        _current = saved


def _run_others_until(pred, deadline):
    """The main thread waits: runs the threads that can go on until pred() holds or the
    deadline passes; True if pred() held."""
    global _turn
    while True:
        if pred():
            return True
        now = _monotonic()
        if deadline is not None and now >= deadline:
            return False
        chosen = None
        n = len(_live)
        for i in range(n):
            t = _live[(_turn + i) % n]
            if t is not _current and t._waiting is not None and _ready(t):
                chosen = t
                _turn = (_turn + i + 1) % max(n, 1)
                break
        if chosen is not None:
            _step(chosen)
            continue
        # Nobody can go on now: sleep until the nearest time limit, if there is one.
        limits = [t._waiting[1] for t in _live if t._waiting is not None and t._waiting[1] is not None]
        if deadline is not None:
            limits.append(deadline)
        if not limits:
            names = ", ".join(t.name for t in _live if t._waiting is not None)
            raise RuntimeError("deadlock: %s waits and no other thread can wake it%s"
                               % (_current.name, " (waiting: %s)" % names if names else ""))
        _real_sleep(max(0.0, min(limits) - now))


def _wait_until(pred, timeout=None):
    """Blocks the current thread until pred() holds (True) or `timeout` seconds pass (False)."""
    if pred():
        return True
    if timeout is not None and timeout <= 0:
        return False
    deadline = None if timeout is None or timeout < 0 else _monotonic() + timeout
    me = _current
    if me._coro is None:  # the main thread (or code outside any thread): it runs the others
        return _run_others_until(pred, deadline)
    me._waiting = (pred, deadline)
    try:
        while True:
            if not _try_suspend():
                # compiled code is running on this thread's stack: it cannot be left there, so
                # this thread runs the others in place until it can go on
                me._waiting = None
                return _run_others_until(pred, deadline)
            if pred():
                return True
            if deadline is not None and _monotonic() >= deadline:
                return False
    finally:
        me._waiting = None


def _sleep(secs):
    """time.sleep: other threads run meanwhile."""
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if not _live or (_current._coro is None and not any(t._waiting is not None for t in _live)):
        _real_sleep(secs)
        return
    _wait_until(lambda: False, secs)


_time.sleep = _sleep


async def _body(thread):
    # A coroutine whose send() runs the thread: its run() is called on the coroutine's stack, so
    # a wait anywhere below suspends the whole thread (_suspend) back to the scheduler.
    thread._bootstrap()


# ---------------------------------------------------------------- threads
class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = exc_type, exc_value, exc_traceback, thread


def excepthook(args, /):
    name = args.thread.name if args.thread is not None else get_ident()
    _sys.stdout.flush()
    print("Exception in thread %s:" % name, file=_sys.stderr)
    import traceback
    traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=_sys.stderr)


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = kwargs or {}
        if name is None:
            name = _newname()
            if target is not None and hasattr(target, "__name__"):
                name += " (%s)" % target.__name__
        self._name = str(name)
        if daemon is None:
            daemon = _current.daemon if _current is not None else False
        self._daemon = bool(daemon)
        self._started = False
        self._alive = False
        self._coro = None
        self._waiting = None
        self.ident = None
        self.native_id = None

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self.ident = self.native_id = id(self)
        self._alive = True
        self._coro = _body(self)
        _live.append(self)
        _step(self)

    def _bootstrap(self):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:
            excepthook(ExceptHookArgs(type(e), e, e.__traceback__, self))
        finally:
            self._alive = False
            if self in _live:
                _live.remove(self)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is _current:
            raise RuntimeError("cannot join current thread")
        _wait_until(lambda: not self._alive, timeout)

    def is_alive(self):
        return self._alive

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemon = bool(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started" if self._alive else "stopped"
        if self._daemon:
            status += " daemon"
        if self.ident is not None:
            status += " %s" % self.ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name="MainThread", daemon=False)
        self._started = True
        self._alive = True
        self.ident = self.native_id = 1


_current = None
_main = _MainThread()
_current = _main


def _shutdown():
    """The main module has ended: wait for the non-daemon threads, as CPython does."""
    _run_others_until(lambda: not any(not t.daemon for t in _live), None)


def current_thread():
    return _current


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1 + len(_live)


activeCount = active_count


def enumerate():
    return [_main] + list(_live)


def get_ident():
    return _current.ident


def get_native_id():
    return _current.native_id


# ---------------------------------------------------------------- synchronization
class Lock:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            timeout = 0
        if not _wait_until(lambda: not self._locked, None if timeout == -1 else timeout):
            return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<%s %s object at %#x>" % ("locked" if self._locked else "unlocked", "_thread.lock", id(self))


class RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _current
        if self._owner is me:
            self._count += 1
            return True
        if not blocking:
            timeout = 0
        if not _wait_until(lambda: self._owner is None, None if timeout == -1 else timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner is not _current or self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None

    def _is_owned(self):
        return self._owner is _current

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return _wait_until(lambda: self._flag, timeout)


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def _release_all(self):
        # a waiter gives the lock up whole (an RLock held n times), then takes it back as it was
        lock = self._lock
        if isinstance(lock, RLock):
            if lock._owner is not _current:
                raise RuntimeError("cannot wait on un-acquired lock")
            count = lock._count
            lock._owner, lock._count = None, 0
            return count
        if not lock.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        lock.release()
        return 1

    def _restore(self, count):
        lock = self._lock
        lock.acquire()
        if isinstance(lock, RLock):
            lock._count = count

    def wait(self, timeout=None):
        token = [False]
        self._waiters.append(token)
        count = self._release_all()
        try:
            notified = _wait_until(lambda: token[0], timeout)
        finally:
            if not token[0]:
                try:
                    self._waiters.remove(token)
                except ValueError:
                    pass
            self._restore(count)
        return notified

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        while self._waiters and n > 0:
            self._waiters.popleft()[0] = True
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if not _wait_until(lambda: self._value > 0, 0 if not blocking else timeout):
            return False
        self._value -= 1
        return True

    def __enter__(self):
        return self.acquire()

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if timeout is None:
            timeout = self._timeout
        index = self._count
        self._count += 1
        gen = self._generation
        if self._count == self._parties:
            if self._action:
                try:
                    self._action()
                except BaseException:
                    self.abort()
                    raise
            self._count = 0
            self._generation += 1
            return index
        if not _wait_until(lambda: self._generation != gen or self._broken, timeout):
            self.abort()
        if self._broken and self._generation == gen:
            raise BrokenBarrierError
        return index

    def reset(self):
        if self._count:
            self._broken = True
        self._count = 0
        self._generation += 1
        self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


class local:
    """Attributes per thread: each thread sees its own (kept by thread, outside the instance)."""

    def __init__(self, *args, **kw):
        if (args or kw) and type(self).__init__ is local.__init__:
            raise TypeError("Initialization arguments are not supported")
        object.__setattr__(self, "_local__dicts", {})

    def _local__dict(self):
        dicts = object.__getattribute__(self, "_local__dicts")
        key = id(_current)
        d = dicts.get(key)
        if d is None:
            d = dicts[key] = {}
        return d

    def __getattr__(self, name):
        if name.startswith("_local__"):
            raise AttributeError(name)
        d = local._local__dict(self)
        if name in d:
            return d[name]
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        d = local._local__dict(self)
        if name not in d:
            raise AttributeError(name)
        del d[name]


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0
