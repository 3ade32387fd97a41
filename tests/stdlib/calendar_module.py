"""calendar as report and scheduling code uses it: leap years, month ranges, the month grid,
text layouts of a month and a year, Sunday-first weeks, date iteration, timegm."""
import calendar
import time

print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 2, 29), calendar.monthrange(2024, 2), calendar.monthrange(2023, 12))
print(calendar.monthcalendar(2026, 12))
print(calendar.month(2026, 12))
calendar.prmonth(2024, 2, w=3)
print(calendar.calendar(2025))
cal = calendar.TextCalendar(calendar.SUNDAY)
print(cal.formatmonth(2026, 3))
print(list(cal.iterweekdays()), calendar.day_abbr[cal.firstweekday], calendar.month_name[12])
dates = list(calendar.Calendar().itermonthdates(2026, 2))
print(len(dates), dates[0], dates[-1])
print([d for d in calendar.Calendar(6).itermonthdays(2026, 2)][:8])
print(calendar.timegm((2000, 1, 1, 0, 0, 0)), calendar.timegm(time.gmtime(1234567890)))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print("IllegalMonthError", e)
