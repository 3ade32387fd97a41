# time.strptime: fields, Python's defaults, weekday/day of year, and the errors
import time

t = time.strptime("2024-03-05 10:11:12", "%Y-%m-%d %H:%M:%S")
print(t)
print(t.tm_wday, t.tm_yday, t[0], tuple(t)[:3])
print(time.strptime("31/12/99", "%d/%m/%y")[:8])
print(time.strptime("Mar 7 2021", "%b %d %Y").tm_yday)
print(time.strptime("14:30", "%H:%M")[:6])
print(time.strptime("Tue Feb 29 08:00:00 2000")[:8])
print(time.strftime("%Y-%m-%d", time.strptime("2000-02-29", "%Y-%m-%d")))
for text, fmt in (("2024-13-01", "%Y-%m-%d"), ("2024-01-01 extra", "%Y-%m-%d"), ("abc", "%H")):
    try:
        time.strptime(text, fmt)
    except ValueError as e:
        print("ValueError", e)
