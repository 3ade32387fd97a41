"""Thread objects (Python's threading module) for a program that runs in one thread: start()
runs the target to its end there and then, so joins return at once and results are those of
running the threads one after another. Locks, events, conditions and semaphores keep their
state and raise where CPython would deadlock forever."""
import time as _time

__all__ = ["Thread", "Lock", "RLock", "Event", "Condition", "Semaphore", "BoundedSemaphore",
           "Timer", "Barrier", "local", "current_thread", "main_thread", "active_count",
           "enumerate", "get_ident", "get_native_id", "TIMEOUT_MAX", "ThreadError"]

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_counter = 0


def _newname(template="Thread-%d"):
    global _counter
    _counter += 1
    return template % _counter


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
        self._daemon = bool(daemon) if daemon is not None else False
        self._started = False
        self._alive = False
        self.ident = None
        self.native_id = None

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self.ident = self.native_id = id(self)
        global _current
        saved = _current
        _current = self
        self._alive = True
        try:
            self.run()
        finally:
            self._alive = False
            _current = saved

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")

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
        self._daemon = bool(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemon

    def __repr__(self):
        status = "started" if self._started else "initial"
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name="MainThread")
        self._started = True
        self._alive = True
        self.ident = self.native_id = 1


_main = _MainThread()
_current = _main


def current_thread():
    return _current


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1


def enumerate():
    return [_main]


def get_ident():
    return _current.ident


def get_native_id():
    return _current.native_id


class Lock:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if self._locked:
            if not blocking or timeout >= 0:
                return False
            raise RuntimeError("deadlock: the lock is held and no other thread can release it")
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    __enter__ = acquire

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
        if not self._flag and timeout:
            _time.sleep(timeout)
        return self._flag


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        return False

    def wait_for(self, predicate, timeout=None):
        return predicate()

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if self._value == 0:
            if not blocking or timeout is not None:
                return False
            raise RuntimeError("deadlock: the semaphore is exhausted and no other thread can release it")
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        self._value += n

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
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
        if not self.finished.is_set():
            _time.sleep(self.interval)
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        self.parties = parties
        self._action = action
        self.n_waiting = 0
        self.broken = False

    def wait(self, timeout=None):
        if self._action:
            self._action()
        return 0

    def reset(self):
        pass

    def abort(self):
        self.broken = True


class local:
    pass


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return 0
