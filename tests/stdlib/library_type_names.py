# Types made by the library print with their module, as CPython's do.
import datetime
import collections
from datetime import date, timedelta

print(type(datetime.datetime(2024, 5, 6, 7, 8)))
print(datetime.date, datetime.datetime, timedelta)
print(type(date(2020, 1, 2)), type(timedelta(days=1)))
print(repr(datetime.datetime).startswith("<class 'datetime."))
print(type(collections.OrderedDict()), type(collections.Counter()), type(collections.defaultdict(int)))
print(type(collections.deque()))
print(type(1), type("s"), type([]), type(None))
