import csv, io

# reading: quoting, doubled quotes, embedded newlines and delimiters, blank lines
data = 'name,age,note\r\n"Smith, J",42,"said ""hi"""\r\n\r\nplain,7,"two\nlines"\r\nlast,,\r\n'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(["a;b;'c;d'", "1; 2;3"], delimiter=";", quotechar="'", skipinitialspace=True)
print(list(r), r.line_num)
print(list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(['a,"b" c,d'])))
try:
    list(csv.reader(['a,"b" c,d'], strict=True))
except csv.Error as e:
    print("Error:", e)
try:
    list(csv.reader(['"unterminated'], strict=True))
except csv.Error as e:
    print("Error:", e)
print(list(csv.reader(['"unterminated'])))

# writing: minimal quoting, all, nonnumeric, none with escapes
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    out = io.StringIO()
    w = csv.writer(out, quoting=q)
    w.writerow(["a", 'say "x"', "c,d", 3, 2.5, None, "line\nbreak"])
    w.writerows([[1, 2], []])
    print(repr(out.getvalue()))
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a,b", "c"])
w.writerow([""]) if False else None
print(repr(out.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
out = io.StringIO()
csv.writer(out).writerow([""])
print(repr(out.getvalue()))

# dialects
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL, lineterminator="\n")
print(sorted(csv.list_dialects()))
d = csv.get_dialect("pipes")
print(d.delimiter, d.quoting, repr(d.lineterminator), d.doublequote)
out = io.StringIO()
csv.writer(out, "pipes").writerow([1, "b"])
print(repr(out.getvalue()))
print(list(csv.reader(['"1"|"b"'], dialect="pipes")))
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("Error:", e)
class Semi(csv.excel):
    delimiter = ";"
out = io.StringIO()
csv.writer(out, dialect=Semi).writerow(["x", "y;z"])
print(repr(out.getvalue()))
print(repr(csv.excel_tab.delimiter), csv.unix_dialect.quoting)
try:
    csv.writer(io.StringIO(), delimiter="::")
except TypeError as e:
    print("TypeError:", e)

# DictReader / DictWriter
text = "id,name\n1,ann\n2,bob,extra\n3\n"
dr = csv.DictReader(io.StringIO(text), restkey="more", restval="?")
for row in dr:
    print(row)
print(dr.fieldnames, dr.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], restval="-")
dw.writeheader()
dw.writerow({"id": 1, "name": "ann"})
dw.writerows([{"id": 2}, {"name": "c"}])
print(repr(out.getvalue()))
try:
    dw.writerow({"id": 1, "bad": 2})
except ValueError as e:
    print("ValueError:", e)
dw2 = csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore")
dw2.writerow({"a": 1, "b": 2})
try:
    csv.DictWriter(io.StringIO(), ["a"], extrasaction="nope")
except ValueError as e:
    print("ValueError:", e)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(csv.field_size_limit())
