# ElementTree's parser written in the language, which builds without libexpat (the playground's
# WebAssembly build) use: the same documents give the same trees and errors as expat's.
import xml.etree.ElementTree as ET
try:
    from xml.etree._pyparser import XMLParser  # this implementation's fallback parser
except ImportError:
    XMLParser = ET.XMLParser  # CPython, which has no such fallback

root = ET.XML('<root a="1"><item n="x">caf\u00e9 &lt;ok&gt; &#65;</item><!-- c --><empty/>'
              '<![CDATA[<raw>]]>tail</root>', parser=XMLParser())
print(root.tag, root.attrib, [(c.tag, c.attrib, c.text, c.tail) for c in root])
print(ET.tostring(root))
for bad in ("<a><b></a>", "<a>"):
    try:
        ET.XML(bad, parser=XMLParser())
    except ET.ParseError as e:
        print("ParseError", e.position)
p = XMLParser(target=ET.TreeBuilder(insert_comments=True))
p.feed("<a>one<!-- two --><b>three</b></a>")
r = p.close()
print([(e.tag if isinstance(e.tag, str) else "comment", e.text) for e in r])
