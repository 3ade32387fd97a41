"""Iterator building blocks (Python's itertools): the common ones are C++ (_itertools); the
rest, with CPython's results, are written here."""

from _ml_text import text as _t
from _itertools import (accumulate, chain as _chain, combinations, count, groupby, islice,
                        permutations, product, repeat, zip_longest)

__all__ = ["accumulate", "batched", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice",
           "pairwise", "permutations", "product", "repeat", "starmap", "takewhile", "tee",
           "zip_longest"]


class chain:
    def __new__(cls, *iterables):
        return _chain(*iterables)

    @staticmethod
    def from_iterable(iterables):
        for it in iterables:
            yield from it


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def dropwhile(predicate, iterable):
    iterable = iter(iterable)
    for x in iterable:
        if not predicate(x):
            yield x
            break
    for x in iterable:
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def pairwise(iterable):
    iterator = iter(iterable)
    a = next(iterator, _sentinel)
    if a is _sentinel:
        return
    for b in iterator:
        yield a, b
        a = b


_sentinel = object()


def batched(iterable, n):
    if n < 1:
        raise ValueError(_t("itertools.batched_n", "n must be at least one"))
    it = iter(iterable)
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        yield batch


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class _Tee:
    def __init__(self, it, buffers, index):
        self._it = it
        self._buffers = buffers
        self._index = index

    def __iter__(self):
        return self

    def __next__(self):
        buf = self._buffers[self._index]
        if not buf:
            value = next(self._it)
            for b in self._buffers:
                b.append(value)
        return buf.pop(0)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError(_t("itertools.tee_n", "n must be >= 0"))
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_Tee(it, buffers, i) for i in range(n))
