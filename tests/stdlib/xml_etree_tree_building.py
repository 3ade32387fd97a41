# The trees ElementTree builds while parsing: text and tail around comments and processing
# instructions, fed in pieces, with iterparse's events, and with element factories of one's own.
import io
import xml.etree.ElementTree as ET

doc = ("<r>a<x k='1'>b<!--c-->d<y/>e</x>f<?p q?>g<z>h</z>i<w><v>deep</v></w>j</r>")
for comments in (False, True):
    tb = ET.TreeBuilder(insert_comments=comments, insert_pis=comments)
    p = ET.XMLParser(target=tb)
    for k in range(0, len(doc), 7):
        p.feed(doc[k:k + 7])
    r = p.close()
    print(ET.tostring(r))
    print([(e.tag if isinstance(e.tag, str) else e.tag.__name__, e.text, e.tail) for e in r.iter()])

for events in (("start",), ("end",), ("start", "end"), ("end", "comment")):
    got = [(ev, el.tag if isinstance(el.tag, str) else el.text)
           for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events)]
    print(events, got)

it = ET.iterparse(io.BytesIO(b"<a><b>1</b><b>2</b></a>"))
print([el.text for ev, el in it], it.root.tag, [c.text for c in it.root])


class Mine(ET.Element):
    def __init__(self, tag, attrib):
        super().__init__(tag.upper(), attrib)


tb = ET.TreeBuilder(element_factory=Mine)
p = ET.XMLParser(target=tb)
p.feed("<a x='1'><b>t</b></a>")
r = p.close()
print(type(r).__name__, r.tag, r.attrib, [(type(c).__name__, c.tag, c.text) for c in r])


class Builder(ET.TreeBuilder):
    def start(self, tag, attrs):
        print("start", tag)
        return super().start(tag, attrs)


r = ET.XML("<a><b/></a>", parser=ET.XMLParser(target=Builder()))
print(r.tag, len(r), r.find("b") is not None)
r = ET.fromstring("<root>" + "".join("<i n='%d'>%d</i>" % (k, k * k) for k in range(500)) + "</root>")
print(len(r), r[250].attrib, r[250].text, sum(int(e.text) for e in r))
r2 = ET.fromstring(ET.tostring(r))
print(ET.tostring(r2) == ET.tostring(r), r2[0].tail, r.tail)
