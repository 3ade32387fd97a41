# ElementTree's serialization: escaping in text and attributes, empty elements, tails, encodings
# and declarations, and trees with comments, processing instructions and namespaces.
import xml.etree.ElementTree as ET

root = ET.Element("root", {"q": 'say "hi" & <bye>', "ws": "a\tb\nc\rd", "plain": "x"})
a = ET.SubElement(root, "a")
a.text = "1 < 2 && 3 > 2 \"quoted\"\n\ttab"
a.tail = "after a & co"
ET.SubElement(root, "empty")
b = ET.SubElement(root, "b", n="caf\u00e9 \u4e2d")
b.text = "\u00e9t\u00e9 \U0001F600"
ET.SubElement(b, "deep").tail = ""
print(ET.tostring(root))
print(ET.tostring(root, encoding="unicode"))
print(ET.tostring(root, encoding="utf-8"))
print(ET.tostring(root, short_empty_elements=False))
print(ET.tostring(root, encoding="us-ascii", xml_declaration=True))
print(ET.tostring(root, encoding="iso-8859-1"))
root.append(ET.Comment(" a comment "))
root.append(ET.ProcessingInstruction("target", "data"))
print(ET.tostring(root, encoding="unicode"))
ns = ET.Element("{urn:x}top")
ET.SubElement(ns, "{urn:x}kid", {"{urn:y}attr": "v", "plain": "p"}).text = "t"
print(ET.tostring(ns, encoding="unicode"))
print(ET.tostring(ET.fromstring(ET.tostring(root)), encoding="unicode") == ET.tostring(root, encoding="unicode"))
