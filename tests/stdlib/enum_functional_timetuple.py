"""The functional API of Enum, IntEnum and StrEnum; date/datetime timetuple and utctimetuple."""
import enum
E = enum.Enum("E", "a b")
print(list(E), E.a.value)
I = enum.IntEnum("I", ["x", "y"])
print(list(I), I.y + 1)
S = enum.StrEnum("S", "a b")
print(list(S), S.a == "a", S.a.upper())
import datetime
d = datetime.datetime(2021, 3, 4, 5, 6, 7)
print(d.timetuple(), d.date().timetuple()[:3], d.utctimetuple()[:6])
Color = enum.Enum("Color", [("RED", "r"), ("GREEN", "g")])
print(Color("g"), Color.RED.value, enum.Enum("D", {"x": 10, "y": 20}).y.value, enum.IntFlag("P", "R W X").W | 1)
print(datetime.date(2024, 12, 31).timetuple().tm_yday, d.timetuple().tm_wday)
