# xml.parsers.expat: handlers, ordered attributes, buffered text, namespaces, errors.
import xml.parsers.expat as expat

events = []
p = expat.ParserCreate()
p.StartElementHandler = lambda tag, attrs: events.append(("start", tag, attrs))
p.EndElementHandler = lambda tag: events.append(("end", tag))
p.CharacterDataHandler = lambda text: events.append(("data", text))
p.CommentHandler = lambda text: events.append(("comment", text))
p.ProcessingInstructionHandler = lambda target, data: events.append(("pi", target, data))
p.XmlDeclHandler = lambda v, enc, sa: events.append(("decl", v, enc, sa))
doc = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- top -->
<root a="1" b='two &amp; three'>
  <item n="x">caf\xc3\xa9 &lt;ok&gt; &#65;&#x42;</item>
  <?proc some data?>
  <empty/>
  <![CDATA[<raw> & stuff]]>
</root>"""
print(p.Parse(doc, True))
for e in events:
    print(e)

# text split over chunks and joined by buffer_text
for buffered in (False, True):
    got = []
    p = expat.ParserCreate()
    p.buffer_text = buffered
    p.CharacterDataHandler = got.append
    p.Parse("<a>one &amp; two", False)
    p.Parse(" three</a>", True)
    print(buffered, got)

# ordered_attributes gives a flat list in document order
p = expat.ParserCreate()
p.ordered_attributes = True
p.StartElementHandler = lambda tag, attrs: print(tag, attrs)
p.Parse('<t z="1" a="2" m="3"/>', True)

# namespaces: names joined with the separator
p = expat.ParserCreate(namespace_separator=" ")
p.StartElementHandler = lambda tag, attrs: print("ns start", tag, sorted(attrs.items()))
p.StartNamespaceDeclHandler = lambda prefix, uri: print("ns decl", prefix, uri)
p.EndNamespaceDeclHandler = lambda prefix: print("ns end", prefix)
p.Parse('<x:a xmlns:x="urn:x" xmlns="urn:d"><b x:k="v"/></x:a>', True)

# errors: code, message, position
for bad in ["<a><b></a>", "<a>", "<a x='1' x='2'/>", "<a>&nope;</a>", "<a/><b/>", ""]:
    p = expat.ParserCreate()
    try:
        p.Parse(bad, True)
    except expat.ExpatError as e:
        print(repr(bad), "->", e, e.code, e.lineno, e.offset, expat.ErrorString(e.code))
        print("  ", expat.errors.messages[e.code], p.ErrorLineNumber, p.ErrorColumnNumber)
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.codes["mismatched tag"])
print(expat.error is expat.ExpatError)

# a handler that raises stops the parse with its exception
p = expat.ParserCreate()
seen = []
def start(tag, attrs):
    seen.append(tag)
    if tag == "stop":
        raise ValueError("stopped at " + tag)
p.StartElementHandler = start
try:
    p.Parse("<a><stop/><after/></a>", True)
except ValueError as e:
    print(e, seen)

# ParseFile reads a binary file in pieces
import io
p = expat.ParserCreate()
count = []
p.StartElementHandler = lambda tag, attrs: count.append(tag)
p.ParseFile(io.BytesIO(b"<r>" + b"<i/>" * 5000 + b"</r>"))
print(len(count), p.CurrentLineNumber)

# internal entities: expanded into character data, or handed whole to a DefaultHandler
doc = '<!DOCTYPE r [<!ENTITY who "world">]><r>hello &who;!</r>'
for name in ("CharacterDataHandler", "DefaultHandler", "DefaultHandlerExpand"):
    got = []
    p = expat.ParserCreate()
    setattr(p, name, got.append)
    p.Parse(doc, True)
    print(name, got)
