# ElementTree's parser over expat: namespaces as {uri}local, entities, CDATA, encodings,
# comments and processing instructions through TreeBuilder, and errors with code and position.
import io
import xml.etree.ElementTree as ET

root = ET.fromstring('<a:root xmlns:a="urn:a" xmlns="urn:d" a:k="1" plain="2">'
                     '<child>text &amp; more</child><a:x/></a:root>')
print(root.tag, sorted(root.attrib.items()))
print([c.tag for c in root], root[0].text)
print(ET.tostring(root))

doc = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY who "world">]>
<r>hello &who; <![CDATA[<not a tag>]]><!-- note --><?do it?>&#x263A;</r>"""
r = ET.fromstring(doc)
print(repr(r.text))
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
p = ET.XMLParser(target=tb)
p.feed(doc)
r = p.close()
print([(e.tag if isinstance(e.tag, str) else e.tag.__name__, e.text) for e in r])

latin = '<?xml version="1.0" encoding="iso-8859-1"?><t>caf\xe9</t>'.encode("latin-1")
print(ET.fromstring(latin).text)
print(ET.fromstring('<t>\u00e9\u4e2d</t>').text, ET.fromstring('<t>\u00e9</t>'.encode("utf-8")).text)

# feeding in pieces, split inside a tag and inside a multi-byte character
p = ET.XMLParser()
data = '<list><item id="1">\u00e9t\u00e9</item><item id="2"/></list>'.encode("utf-8")
for i in range(0, len(data), 5):
    p.feed(data[i:i + 5])
r = p.close()
print([(c.get("id"), c.text) for c in r])

for bad in ["<a><b></a>", "<a>", "<a x='1' x='2'/>", "<a>&nope;</a>", "<a/>junk", "", "<a>\n  <b>\n</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), "->", e, e.code, e.position)

# a target of one's own gets the calls, and close() returns what the target's close returns
class Counter:
    def __init__(self):
        self.calls = []
    def start(self, tag, attrib):
        self.calls.append(("start", tag, dict(attrib)))
    def end(self, tag):
        self.calls.append(("end", tag))
    def data(self, text):
        self.calls.append(("data", text))
    def close(self):
        return len(self.calls)
c = Counter()
p = ET.XMLParser(target=c)
p.feed("<a x='1'>hi<b/>there</a>")
print(p.close(), c.calls)

events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(b"<a><b><c/></b><d/></a>"), ("start", "end"))]
print(events)
tree = ET.parse(io.BytesIO(b"<?xml version='1.0' encoding='utf-8'?><doc><p>one</p><p>two</p></doc>"))
print([p.text for p in tree.getroot().iter("p")])
