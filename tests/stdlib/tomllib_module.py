import tomllib, io
from decimal import Decimal

doc = '''
# a comment
title = "TOML \\u00e9xample"
count = 42
ratio = 0.25
big = 1e10
flag = true
hexa = 0xff
list = [1, 2, 3]
nested = [[1, "a"], [2.5]]
inline = { x = 1, y = "two" }
day = 1979-05-27
clock = 07:32:00.5
when = 1979-05-27T07:32:00
multi = """
two
lines"""
literal = 'C:\\path'

[server]
host = "localhost"
ports = [8000, 8001]

[server.limits]
max = 10

[[fruit]]
name = "apple"

[[fruit]]
name = "banana"
'''
data = tomllib.loads(doc)
for key, value in data.items():
    print(key, repr(value))
print(tomllib.loads("x = 1.10", parse_float=Decimal))
print(tomllib.load(io.BytesIO(b"a = [true, false]\nb.c = 'd'\n")))
print(tomllib.loads(""))
try:
    tomllib.loads("a = ")
except tomllib.TOMLDecodeError as e:
    print("TOMLDecodeError", isinstance(e, ValueError))
try:
    tomllib.loads("a = 1\na = 2")
except tomllib.TOMLDecodeError as e:
    print("TOMLDecodeError duplicate")
try:
    tomllib.load(io.StringIO("a = 1"))
except TypeError as e:
    print("TypeError:", e)
