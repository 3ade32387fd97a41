# Aware datetimes: timezone, tzinfo subclasses, astimezone, isoformat/fromisoformat with
# offsets, arithmetic and comparisons in UTC, and tomllib's offset datetimes.
from datetime import datetime, date, time, timedelta, timezone, tzinfo
import tomllib

utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
ist = timezone(timedelta(hours=5, minutes=30))
print(repr(utc), repr(est), repr(ist))
print(str(utc), str(est), str(ist), str(timezone(timedelta(0))))
print(utc.utcoffset(None), est.utcoffset(None), ist.dst(None), ist.tzname(None))
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "CET"), utc == est)
print(repr(timezone.min), repr(timezone.max))
print(repr(timedelta(0)), repr(timedelta()))

d = datetime(2024, 3, 10, 12, 30, tzinfo=utc)
print(repr(d))
print(d, d.isoformat(), d.isoformat(" "), d.isoformat(timespec="minutes"))
print(d.utcoffset(), d.dst(), d.tzname())
e = d.astimezone(est)
print(repr(e))
print(e, e.tzname(), e.utcoffset())
print(d == e, d.astimezone(ist).isoformat())
print(hash(d) == hash(e))
print(d - e, d - datetime(2024, 3, 10, 6, 0, tzinfo=ist))
print(d + timedelta(hours=20), (d - timedelta(days=1)).tzinfo is utc)
print(sorted([d, e + timedelta(minutes=1), datetime(2024, 3, 10, 17, 0, tzinfo=ist)]))
print(d.replace(tzinfo=None), d.replace(tzinfo=ist))
print(d.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(86400.5, est))
print(d.strftime("%Y-%m-%d %H:%M %z %Z"), datetime(2024, 1, 1).strftime("[%z][%Z]"))
print(datetime.combine(date(2024, 1, 2), time(3, 4), tzinfo=est))
print(d.timetuple().tm_isdst, d.utctimetuple())
print(datetime(2024, 1, 1, 0, 30, tzinfo=ist).utctimetuple()[:6])

# naive against aware
naive = datetime(2024, 3, 10, 12, 30)
print(naive == d, naive != d)
for op in (lambda: naive < d, lambda: naive - d, lambda: d - naive):
    try:
        op()
    except TypeError as exc:
        print("TypeError:", exc)

# fromisoformat with offsets
for s in ["2024-03-10T12:30:00+00:00", "2024-03-10T12:30:00Z", "2024-03-10 07:30:00.250-05:00",
          "2024-03-10T18:00+05:30", "20240310T123000", "2024-03-10T12:30:00+01:00:30",
          "2024-03-10T12"]:
    v = datetime.fromisoformat(s)
    print(repr(v), v.isoformat())
for bad in ["2024-03-10T12:30:00+5", "2024-13-01", "2024-03-10T25:00"]:
    try:
        datetime.fromisoformat(bad)
    except ValueError as exc:
        print("ValueError:", exc)

# now() in UTC is aware and close to utcnow()
now = datetime.now(timezone.utc)
print(now.tzinfo is timezone.utc, now.utcoffset(), abs((now.replace(tzinfo=None) - datetime.utcnow()).total_seconds()) < 5)
print(datetime.now(est).utcoffset())

# a tzinfo subclass with daylight saving time (US rules of 2007, simplified)
class Eastern(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return timedelta(0)
        start = datetime(dt.year, 3, 10, 2)
        end = datetime(dt.year, 11, 3, 2)
        return timedelta(hours=1) if start <= dt.replace(tzinfo=None) < end else timedelta(0)

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

    def __repr__(self):
        return "Eastern()"

east = Eastern()
summer = datetime(2024, 7, 4, 9, 0, tzinfo=east)
winter = datetime(2024, 1, 4, 9, 0, tzinfo=east)
print(summer, summer.tzname(), summer.dst(), winter, winter.tzname())
print(summer.astimezone(utc), winter.astimezone(utc), repr(summer))
print(datetime(2024, 7, 4, 13, 0, tzinfo=utc).astimezone(east), summer.timetuple().tm_isdst, winter.timetuple().tm_isdst)
print(summer - winter, summer > winter)
print(east.fromutc(datetime(2024, 7, 4, 13, 0, tzinfo=east)))

class Broken(tzinfo):
    pass

try:
    datetime(2024, 1, 1, tzinfo=Broken()).utcoffset()
except NotImplementedError as exc:
    print("NotImplementedError:", exc)
for bad in [lambda: timezone(timedelta(hours=24)), lambda: timezone(5), lambda: datetime(2024, 1, 1, tzinfo=5),
            lambda: utc.fromutc(datetime(2024, 1, 1))]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)

doc = tomllib.loads("""
a = 1979-05-27T07:32:00-08:00
b = 1979-05-27T07:32:00Z
c = 1979-05-27T00:32:00.999999+05:30
d = 1979-05-27T07:32:00
""")
print(doc)
print(doc["a"] == doc["b"] + timedelta(hours=8), doc["a"].astimezone(utc))
