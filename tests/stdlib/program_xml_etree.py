"""xml_etree in the style of pyperformance: generate a tree, serialize it, parse it back
(fromstring, parse, iterparse), and process it (iter, find/findall, attributes, text)."""
import io
import xml.etree.ElementTree as ET


def build_tree(n):
    root = ET.Element("root", {"version": "1.0"})
    for i in range(n):
        item = ET.SubElement(root, "item", id=str(i), kind="odd" if i % 2 else "even")
        name = ET.SubElement(item, "name")
        name.text = "Item <%d> & co" % i
        ET.SubElement(item, "value").text = str(i * i)
        if i % 3 == 0:
            tags = ET.SubElement(item, "tags")
            for t in range(i % 4):
                ET.SubElement(tags, "tag", {"n": str(t)}).text = "t%d" % t
            ET.SubElement(tags, "empty")
        item.tail = "\n"
    root.text = "\n"
    return root


root = build_tree(30)
data = ET.tostring(root)
print(type(data).__name__, len(data), data[:160])
text = ET.tostring(root, encoding="unicode")
print(len(text), text[-120:])
print(ET.tostring(root, encoding="utf-8")[:40], ET.tostring(ET.Element("a"), encoding="iso-8859-1"))

parsed = ET.fromstring(data)
print(parsed.tag, parsed.attrib, len(parsed), parsed[3].attrib, parsed[3].find("name").text)
print(ET.tostring(parsed) == data)
tree = ET.parse(io.BytesIO(data))
r = tree.getroot()
print(r.tag, len(r.findall("item")), len(r.findall(".//tag")), r.findtext("item/value"), r.find("item[@id='7']/name").text)
print([e.get("id") for e in r.findall("item[@kind='odd']")][:5], len(list(r.iter("empty"))), len(list(r.iter())))
print(sum(int(v.text) for v in r.iter("value")), [t.text for t in r.iter("tag")][:6])
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(data), events=("start", "end"))]
print(len(events), events[:4], events[-2:])
counts = {}
for ev, el in ET.iterparse(io.BytesIO(data)):
    counts[el.tag] = counts.get(el.tag, 0) + 1
print(sorted(counts.items()))

doc = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE note [<!ENTITY who "World">]>
<!-- a comment -->
<note date='2024-01-02' lang="en">
  <to>Tove &amp; &who;</to>
  <from>Jani &#65;&#x42;</from>
  <body><![CDATA[<b>bold</b> & raw]]> text</body>
  <list><i>1</i><i>2</i><i/></list>
</note>"""
note = ET.fromstring(doc)
print(note.tag, note.attrib, note.find("to").text, note.find("from").text, note.find("body").text)
print([i.text for i in note.iter("i")], note.find("list")[2].text, repr(note.text), repr(note.find("to").tail))
print("".join(note.itertext()).split())
print(ET.tostring(note, encoding="unicode"))
e = ET.Element("x", a="1")
e.set("b", "q\"uote<&>\n")
e.text = "caf\xe9 \u20ac"
c = ET.SubElement(e, "child")
c.tail = "tail"
e.insert(0, ET.Element("first"))
print(ET.tostring(e), ET.tostring(e, encoding="unicode"))
print(len(e), [ch.tag for ch in e], e.keys(), e.get("zz", "dflt"), list(e.items()))
e.remove(c)
del e[0]
print(ET.tostring(e, encoding="unicode"), ET.iselement(e), ET.iselement("x"))
tree2 = ET.ElementTree(build_tree(2))
buf = io.BytesIO()
tree2.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue()[:80])
sbuf = io.StringIO()
tree2.write(sbuf, encoding="unicode")
print(len(sbuf.getvalue()))
ind = ET.fromstring("<a><b><c/></b><d>x</d></a>")
ET.indent(ind)
print(ET.tostring(ind, encoding="unicode"))
for bad in ("<a><b></a>", "<a>", "<a></a><b/>", "text"):
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print("ParseError", err.position)
