import datetime
from datetime import time, date, datetime as dt

t = time(14, 30)
print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
print(time(), repr(time()), repr(time(1, 2, 3)), repr(time(1, 2, 3, 4)), time(1, 2, 3, 4))
print(time(hour=9, second=5), time(23, 59, 59, 999999).isoformat(), t.isoformat("minutes"), t.isoformat(timespec="milliseconds"))
print(t.strftime("%H:%M:%S %p"), f"{t:%I.%M}", f"{t}", format(t, ""))
print(t.replace(minute=0), t.replace(hour=1, microsecond=7), t < time(15), t == time(14, 30, 0), t != time(1), max(time(3), time(1)))
print(sorted([time(5), time(1, 30), time(1)]), hash(time(1)) == hash(time(1, 0)), {time(1): "a"}[time(1, 0, 0)])
print(time.fromisoformat("07:08"), time.fromisoformat("07:08:09"), time.fromisoformat("07:08:09.123"), repr(time.fromisoformat("07:08:09.000005")))
print(time.min, time.max, time.resolution)
d = dt(2024, 3, 5, 6, 7, 8, 9)
print(d.time(), dt.combine(date(2020, 1, 2), time(3, 4)), repr(dt.combine(date(2020, 1, 2), t)))
for bad in (lambda: time(24), lambda: time(1, 60), lambda: time(1, 1, 60), lambda: time(0, 0, 0, 1000000),
            lambda: t.isoformat("x"), lambda: time.fromisoformat("7:08"), lambda: time.fromisoformat(5),
            lambda: dt.combine(1, t), lambda: dt.combine(date(2020, 1, 1), 2)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(isinstance(t, time), type(t).__name__, datetime.time is time)
import pickle, copy
print(pickle.loads(pickle.dumps(time(1, 2, 3))), copy.copy(time(4, 5)))
