# Parse a JSON document of `records` records (the seed's "JSON parse (10MB)": 80650 records are
# about 10 MB). The document is the one the native and WASM benchmarks parse.
import json

def record(i):
    active = ["true", "false"][i % 2]
    return ('{"id":' + str(i) + ',"name":"item-' + str(i) + '","price":' + str(i % 1000) + "." + str(10 + i % 90)
            + ',"tags":["t' + str(i % 7) + '","t' + str(i % 11) + '"],"active":' + active
            + ',"scores":[' + str(i % 10) + "," + str(i % 100) + "," + str(i % 1000)
            + '],"meta":{"ok":null,"level":' + str(i % 5) + "}}")

records = 80650  # bench:param
doc = "[" + ",".join([record(i) for i in range(records)]) + "]"
data = json.loads(doc)  # bench:work
print(len(data))  # checks the result, not timed
