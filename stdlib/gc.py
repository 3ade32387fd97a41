"""Garbage collector interface. Memory is reference counted; the cycle collector (_gc, in C++)
finds the groups of objects that refer only to each other and frees them, when asked
(collect()) and as allocations pass the first threshold."""

from _gc import (collect, enable, disable, isenabled, get_count, get_threshold, set_threshold,
                 get_stats, is_tracked, is_finalized, get_objects, get_referrers, get_referents)

# Objects the collector found but could not free. Every cycle is freed here (finalizers run
# first, as since Python 3.4), so it stays empty.
garbage = []
callbacks = []
DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38

_debug = 0


def get_debug():
    return _debug


def set_debug(flags):
    global _debug
    _debug = flags


# freeze() keeps objects out of later collections (a speed measure for forking servers); here
# every collection still considers them, which frees no less: the calls are accepted and do
# nothing, and nothing is ever counted as frozen.
def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0
