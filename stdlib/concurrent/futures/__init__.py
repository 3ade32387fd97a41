"""Executing callables asynchronously (Python's concurrent.futures) for a program that runs in
one thread: an executor runs each submitted call at once, so its future is done when submit
returns; results, exceptions, map order, as_completed and wait behave as for finished futures."""
import time as _time

__all__ = ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError",
           "TimeoutError", "BrokenExecutor", "Future", "Executor", "wait", "as_completed",
           "ProcessPoolExecutor", "ThreadPoolExecutor", "InvalidStateError"]

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._state = "PENDING"
        self._result = None
        self._exception = None
        self._callbacks = []

    def cancel(self):
        if self._state in ("RUNNING", "FINISHED"):
            return False
        self._state = "CANCELLED"
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == "CANCELLED"

    def running(self):
        return self._state == "RUNNING"

    def done(self):
        return self._state in ("CANCELLED", "FINISHED")

    def result(self, timeout=None):
        if self._state == "CANCELLED":
            raise CancelledError()
        if self._state != "FINISHED":
            raise TimeoutError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if self._state == "CANCELLED":
            raise CancelledError()
        if self._state != "FINISHED":
            raise TimeoutError()
        return self._exception

    def add_done_callback(self, fn):
        if self.done():
            fn(self)
        else:
            self._callbacks.append(fn)

    def set_running_or_notify_cancel(self):
        if self._state == "CANCELLED":
            return False
        self._state = "RUNNING"
        return True

    def set_result(self, result):
        self._result = result
        self._state = "FINISHED"
        self._invoke_callbacks()

    def set_exception(self, exception):
        self._exception = exception
        self._state = "FINISHED"
        self._invoke_callbacks()

    def _invoke_callbacks(self):
        for cb in self._callbacks:
            cb(self)
        self._callbacks = []

    def __repr__(self):
        if self._state == "FINISHED":
            if self._exception is not None:
                return "<Future at %#x state=finished raised %s>" % (id(self), type(self._exception).__name__)
            return "<Future at %#x state=finished returned %s>" % (id(self), type(self._result).__name__)
        return "<Future at %#x state=%s>" % (id(self), self._state.lower())


class Executor:
    def __init__(self, max_workers=None, *args, **kwargs):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        f = Future()
        f.set_running_or_notify_cancel()
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            f.set_exception(exc)
        else:
            f.set_result(result)
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            for f in fs:
                yield f.result()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        super().__init__(max_workers)
        if initializer is not None:
            initializer(*initargs)


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), **kwargs):
        super().__init__(max_workers)
        if initializer is not None:
            initializer(*initargs)


def as_completed(fs, timeout=None):
    for f in list(dict.fromkeys(fs)):
        yield f


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = {f for f in fs if f.done()}
    return _DoneAndNotDone(done, fs - done)


class _DoneAndNotDone(tuple):
    def __new__(cls, done, not_done):
        self = tuple.__new__(cls, (done, not_done))
        self.done = done
        self.not_done = not_done
        return self
