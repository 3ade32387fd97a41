# The bytes of pickles where CPython shares string objects: "" and one-character Latin-1
# strings are single objects there (written once, then referred back to), and so is the module
# name of classes from one module. (Other equal strings made apart are written each time.)
import datetime, pickle


def made(*parts):
    return "".join(parts)


values = [
    {"zip": made(), "first_name": made(), "a": made("x"), "b": made("x"), "c": chr(0x101), "d": chr(0x101)},
    [made(), made(), chr(0xE9), chr(0xE9), made("a", "b"), made("a", "b")],
    [datetime.date(2000, 1, 1), datetime.timedelta(3), datetime.time(4)],
]
for proto in (2, 4, 5):
    for v in values:
        data = pickle.dumps(v, proto)
        print(proto, len(data), data)
        assert pickle.loads(data) == v
