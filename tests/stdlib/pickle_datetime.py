# datetime values pickle as CPython pickles them (the fields packed in a bytes state), so the
# pickles are byte for byte CPython's, and CPython's pickles load back.
import datetime, pickle

values = [
    datetime.date(1980, 5, 7),
    datetime.date(2024, 12, 31),
    datetime.datetime(2020, 1, 2, 3, 4, 5, 678),
    datetime.datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.timezone.utc),
    datetime.time(1, 2, 3, 4),
    datetime.timedelta(1, 2, 3),
    {"when": datetime.date(1980, 5, 7), "n": [1, 2]},
]
for proto in (2, 4, 5):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, data, back == v, type(back).__name__)

# pickles written by CPython 3.11
cpython = [
    b'\x80\x05\x95 \x00\x00\x00\x00\x00\x00\x00\x8c\x08datetime\x94\x8c\x04date\x94\x93\x94C\x04\x07\xbc\x05\x07\x94\x85\x94R\x94.',
    b'\x80\x04\x95*\x00\x00\x00\x00\x00\x00\x00\x8c\x08datetime\x94\x8c\x08datetime\x94\x93\x94C\n\x07\xe4\x01\x02\x03\x04\x05\x00\x02\xa6\x94\x85\x94R\x94.',
    b'\x80\x04\x95"\x00\x00\x00\x00\x00\x00\x00\x8c\x08datetime\x94\x8c\x04time\x94\x93\x94C\x06\x01\x02\x03\x00\x00\x04\x94\x85\x94R\x94.',
    b'\x80\x04\x95*\x00\x00\x00\x00\x00\x00\x00\x8c\x08datetime\x94\x8c\x08datetime\x94\x93\x94C\n\x07\xe5\x83\x04\x05\x06\x07\x00\x00\x08\x94\x85\x94R\x94.',
    b'\x80\x02cdatetime\ndatetime\nq\x00c_codecs\nencode\nq\x01X\x0b\x00\x00\x00\x07\xc3\xa5\x03\x04\x05\x06\x07\x00\x00\x08q\x02X\x06\x00\x00\x00latin1q\x03\x86q\x04Rq\x05cdatetime\ntimezone\nq\x06cdatetime\ntimedelta\nq\x07K\x00K\x00K\x00\x87q\x08Rq\t\x85q\nRq\x0b\x86q\x0cRq\r.',
]
for data in cpython:
    print(repr(pickle.loads(data)))
print(datetime.date(b"\x07\xbc\x05\x07"), datetime.datetime(b"\x07\xe4\x01\x02\x03\x04\x05\x00\x02\xa6"))
