# Python's limit on decimal conversions of huge ints (sys.set_int_max_str_digits).
import sys

print(sys.get_int_max_str_digits())
big = 10 ** 5000
for conv in (str, repr, lambda v: "%d" % v, lambda v: f"{v:d}", lambda v: format(v, ",")):
    try:
        conv(big)
        print("converted")
    except ValueError as e:
        print("ValueError:", e)
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(str(int("7" * 4300))))
print(len(hex(big)), len(bin(big)), len(oct(big)))
print(int("f" * 5000, 16) % 1000)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(0)
print(len(str(big)), int("9" * 6000) % 97)
sys.set_int_max_str_digits(5001)
print(len(str(big)))
try:
    str(-(10 ** 5001))
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)
print(str(-(10 ** 4299))[:3], sys.get_int_max_str_digits())
