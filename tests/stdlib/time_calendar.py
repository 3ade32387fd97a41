import time
t = time.gmtime(86400 * 365 + 3661)
print(tuple(t), t.tm_year, t[0], time.strftime("%Y-%m-%d %H:%M:%S", t), time.asctime(t))
print(time.mktime(time.localtime(1000000)) == 1000000.0, time.perf_counter_ns() > 0)
