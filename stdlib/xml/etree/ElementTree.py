"""The ElementTree XML API (Python's xml.etree.ElementTree), written in the language.

Elements, SubElement, the ElementTree wrapper, serialization as CPython writes it (attributes
in insertion order, " />" for empty elements, the same escaping and XML declaration rules), and
a parser for well-formed XML (elements, attributes, text, entities and character references,
comments, processing instructions and CDATA are read; the DTD is skipped): fromstring, XML,
parse, iterparse, XMLParser with feed/close, XMLPullParser. Paths for find/findall/iterfind/
findtext are the simple subset: tag, *, ., .., //, and [@attr], [@attr='v'], [tag], [n].
"""
import io
import re

__all__ = ["Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
           "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
           "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
           "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
           "register_namespace"]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    pass


class Element:
    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("attrib must be dict, not %s" % (attrib.__class__.__name__,))
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._children = []
        self.text = None
        self.tail = None

    def __repr__(self):
        return "<%s %r at %#x>" % (self.__class__.__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        return self.__class__(tag, attrib)

    def copy(self):
        elem = self.makeelement(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def __copy__(self):
        return self.copy()

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        return len(self._children) != 0

    def __getitem__(self, index):
        return self._children[index]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            for elt in element:
                self._assert_is_element(elt)
        else:
            self._assert_is_element(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __iter__(self):
        return iter(self._children)

    def append(self, subelement):
        self._assert_is_element(subelement)
        self._children.append(subelement)

    def extend(self, elements):
        for element in elements:
            self._assert_is_element(element)
            self._children.append(element)

    def insert(self, index, subelement):
        self._assert_is_element(subelement)
        self._children.insert(index, subelement)

    def _assert_is_element(self, e):
        if not isinstance(e, Element):
            raise TypeError("expected an Element, not %s" % type(e).__name__)

    def remove(self, subelement):
        for i, child in enumerate(self._children):
            if child is subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        return next(self.iterfind(path, namespaces), None)

    def findtext(self, path, default=None, namespaces=None):
        elem = self.find(path, namespaces)
        if elem is None:
            return default
        return elem.text or ""

    def findall(self, path, namespaces=None):
        return list(self.iterfind(path, namespaces))

    def iterfind(self, path, namespaces=None):
        return _path_iterfind(self, path)

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return list(self.attrib.keys())

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        for e in self._children:
            yield from e.iter(tag)

    def itertext(self):
        tag = self.tag
        if not isinstance(tag, str) and tag is not None:
            return
        t = self.text
        if t:
            yield t
        for e in self:
            yield from e.itertext()
            t = e.tail
            if t:
                yield t


def SubElement(parent, tag, attrib={}, **extra):
    attrib = {**attrib, **extra}
    element = parent.makeelement(tag, attrib)
    parent.append(element)
    return element


def Comment(text=None):
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        if isinstance(other, QName):
            return self.text == other.text
        return self.text == other


def iselement(element):
    return hasattr(element, "tag")


# ---------------------------------------------------------------- paths
_step_re = re.compile(r"\.\.|\.|\*|//|/|\[[^\]]*\]|[^/\[\]]+")


def _path_iterfind(elem, path):
    if path.startswith("/"):
        raise SyntaxError("cannot use absolute path on element")
    tokens = _step_re.findall(path)
    nodes = [elem]
    parent_map = None
    i = 0
    descend = False
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok == "/":
            continue
        if tok == "//":
            descend = True
            continue
        if tok == ".":
            if descend:
                nodes = [e for n in nodes for e in n.iter()]
                descend = False
            continue
        if tok == "..":
            if parent_map is None:
                parent_map = {c: p for p in elem.iter() for c in p}
            nodes = _unique([parent_map[n] for n in nodes if n in parent_map])
            continue
        if tok.startswith("["):
            nodes = _predicate(nodes, tok[1:-1])
            continue
        if descend:
            nodes = _unique([e for n in nodes for e in n.iter(None if tok == "*" else tok) if e is not n])
            descend = False
        else:
            nodes = [c for n in nodes for c in n if tok == "*" or c.tag == tok]
    return iter(nodes)


def _unique(nodes):
    seen = set()
    out = []
    for n in nodes:
        if id(n) not in seen:
            seen.add(id(n))
            out.append(n)
    return out


def _predicate(nodes, pred):
    m = re.fullmatch(r"@([\w:.-]+)(?:\s*(!?=)\s*(['\"])(.*)\3)?", pred)
    if m:
        key, op, value = m.group(1), m.group(2), m.group(4)
        if op is None:
            return [n for n in nodes if n.get(key) is not None]
        if op == "=":
            return [n for n in nodes if n.get(key) == value]
        return [n for n in nodes if n.get(key) != value]
    if re.fullmatch(r"-?\d+", pred):
        return _nth(nodes, int(pred) - 1)
    m = re.fullmatch(r"last\(\)(?:\s*-\s*(\d+))?", pred)
    if m:
        return _nth(nodes, -1 - int(m.group(1) or 0))
    m = re.fullmatch(r"([\w:.-]+)(?:\s*=\s*(['\"])(.*)\2)?", pred)
    if m:
        tag, value = m.group(1), m.group(3)
        if value is None:
            return [n for n in nodes if n.find(tag) is not None]
        return [n for n in nodes if any("".join(c.itertext()) == value for c in n.findall(tag))]
    raise SyntaxError("invalid predicate")


def _nth(nodes, index):
    try:
        return [nodes[index]] if nodes else []
    except IndexError:
        return []


# ---------------------------------------------------------------- serialization
def _escape_cdata(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\"" in text:
        text = text.replace("\"", "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _namespaces(elem):
    qnames = {None: None}
    namespaces = {}

    def add_qname(qname):
        if qname[:1] == "{":
            uri, tag = qname[1:].rsplit("}", 1)
            prefix = namespaces.get(uri)
            if prefix is None:
                prefix = _namespace_map.get(uri)
                if prefix is None:
                    prefix = "ns%d" % len(namespaces)
                if prefix != "xml":
                    namespaces[uri] = prefix
            if prefix:
                qnames[qname] = "%s:%s" % (prefix, tag)
            else:
                qnames[qname] = tag
        else:
            qnames[qname] = qname

    for e in elem.iter():
        tag = e.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        for key, value in e.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add_qname(key)
            if isinstance(value, QName) and value.text not in qnames:
                add_qname(value.text)
    return qnames, namespaces


def _serialize_xml(write, elem, qnames, namespaces, short_empty_elements):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_xml(write, e, qnames, None, short_empty_elements)
        else:
            write("<" + tag)
            items = list(elem.items())
            if items or namespaces:
                if namespaces:
                    for v, k in sorted(namespaces.items(), key=lambda x: x[1]):
                        if k:
                            k = ":" + k
                        write(" xmlns%s=\"%s\"" % (k, _escape_attrib(v)))
                for k, v in items:
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib(v)
                    write(" %s=\"%s\"" % (qnames[k], v))
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for e in elem:
                    _serialize_xml(write, e, qnames, None, short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


class ElementTree:
    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
            data = source.read()
            parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def find(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.find(path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findtext(path, default, namespaces)

    def findall(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findall(path, namespaces)

    def iterfind(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.iterfind(path, namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None, default_namespace=None,
              method=None, *, short_empty_elements=True):
        if not encoding:
            encoding = "us-ascii"
        chunks = []
        if xml_declaration or (xml_declaration is None and encoding.lower() not in ("utf-8", "us-ascii", "unicode")):
            declared = encoding if encoding.lower() != "unicode" else "utf-8"
            chunks.append("<?xml version='1.0' encoding='%s'?>\n" % (declared,))
        qnames, namespaces = _namespaces(self._root)
        _serialize_xml(chunks.append, self._root, qnames, namespaces, short_empty_elements)
        text = "".join(chunks)
        if encoding.lower() == "unicode":
            data = text
        else:
            data = text.encode(encoding, "xmlcharrefreplace")
        if hasattr(file_or_filename, "write"):
            file_or_filename.write(data)
        else:
            mode = "w" if isinstance(data, str) else "wb"
            with open(file_or_filename, mode) as f:
                f.write(data)


def tostring(element, encoding=None, method=None, *, xml_declaration=None, default_namespace=None,
             short_empty_elements=True):
    stream = io.StringIO() if encoding == "unicode" else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    import sys
    sys.stdout.write(tostring(elem.getroot(), encoding="unicode"))
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if not len(tree):
        return
    indentations = ["\n" + level * space]

    def _indent_children(elem, level):
        child_level = level + 1
        try:
            child_indentation = indentations[child_level]
        except IndexError:
            child_indentation = indentations[level] + space
            indentations.append(child_indentation)
        if not elem.text or not elem.text.strip():
            elem.text = child_indentation
        for child in elem:
            if len(child):
                _indent_children(child, child_level)
            if not child.tail or not child.tail.strip():
                child.tail = child_indentation
        if not child.tail.strip():
            child.tail = indentations[level]

    _indent_children(tree, 0)


# ---------------------------------------------------------------- parsing
class TreeBuilder:
    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []
        self._elem = []
        self._last = None
        self._root = None
        self._tail = None
        self._factory = element_factory or Element
        self._comment_factory = comment_factory or Comment
        self._pi_factory = pi_factory or ProcessingInstruction
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis

    def close(self):
        assert len(self._elem) == 0, "missing end tags"
        assert self._root is not None, "missing toplevel element"
        return self._root

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    self._last.tail = text
                else:
                    self._last.text = text
            self._data = []

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        self._flush()
        self._last = self._elem.pop()
        self._tail = 1
        return self._last

    def comment(self, text):
        return self._handle_single(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        return self._handle_single(self._pi_factory, self.insert_pis, target, text)

    def _handle_single(self, factory, insert, *args):
        elem = factory(*args)
        if insert:
            self._flush()
            self._last = elem
            if self._elem:
                self._elem[-1].append(elem)
            self._tail = 1
        return elem


_entities = {"lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"}
_ref_re = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);")
_name_re = re.compile(r"[^\s/>=<'\"!?]+")
_attr_re = re.compile(r"\s*([^\s=/>]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


class XMLParser:
    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else TreeBuilder()
        self._buf = []
        self.entity = {}
        self.version = "Expat 2.5.0"

    def _error(self, message, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1)
        err = ParseError("%s: line %d, column %d" % (message, line, col))
        err.code = 2
        err.position = (line, col)
        raise err

    def _unescape(self, s, text, pos):
        def ref(m):
            name = m.group(1)
            if name[0] == "#":
                return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
            if name in _entities:
                return _entities[name]
            if name in self.entity:
                return self.entity[name]
            self._error("undefined entity &%s;" % name, text, pos)
        return _ref_re.sub(ref, s) if "&" in s else s

    def feed(self, data):
        self._buf.append(data)

    def close(self):
        data = self._buf[0][:0].join(self._buf) if self._buf else ""
        if isinstance(data, (bytes, bytearray)):
            m = re.match(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)[\"']", bytes(data))
            data = bytes(data).decode(m.group(1).decode("ascii") if m else "utf-8")
        self._parse(data)
        return self.target.close()

    def _parse(self, text):
        t = self.target
        pos = 0
        n = len(text)
        depth = 0
        seen_root = False
        stack = []
        while pos < n:
            lt = text.find("<", pos)
            if lt < 0:
                rest = text[pos:]
                if rest.strip():
                    self._error("junk after document element", text, pos)
                break
            if lt > pos:
                chunk = text[pos:lt]
                if depth:
                    t.data(self._unescape(chunk, text, pos))
                elif chunk.strip():
                    self._error("junk after document element" if seen_root else "syntax error", text, pos)
            pos = lt
            if text.startswith("<!--", pos):
                end = text.find("-->", pos + 4)
                if end < 0:
                    self._error("unclosed token", text, pos)
                if hasattr(t, "comment"):
                    t.comment(text[pos + 4:end])
                pos = end + 3
            elif text.startswith("<![CDATA[", pos):
                end = text.find("]]>", pos + 9)
                if end < 0:
                    self._error("unclosed token", text, pos)
                t.data(text[pos + 9:end])
                pos = end + 3
            elif text.startswith("<?", pos):
                end = text.find("?>", pos + 2)
                if end < 0:
                    self._error("unclosed token", text, pos)
                body = text[pos + 2:end]
                target, _, rest = body.partition(" ")
                if target.lower() != "xml" and hasattr(t, "pi"):
                    t.pi(target, rest.strip() or None)
                pos = end + 2
            elif text.startswith("<!", pos):
                # DOCTYPE (with an internal subset in brackets): skipped
                end = pos + 2
                bracket = 0
                while end < n:
                    c = text[end]
                    if c == "[":
                        bracket += 1
                    elif c == "]":
                        bracket -= 1
                    elif c == ">" and bracket == 0:
                        break
                    end += 1
                for m in re.finditer(r"<!ENTITY\s+(\w+)\s+(\"[^\"]*\"|'[^']*')\s*>", text[pos:end]):
                    self.entity[m.group(1)] = m.group(2)[1:-1]
                pos = end + 1
            elif text.startswith("</", pos):
                m = _name_re.match(text, pos + 2)
                end = text.find(">", pos)
                if not m or end < 0:
                    self._error("syntax error", text, pos)
                tag = m.group(0)
                if not stack or stack[-1] != tag:
                    self._error("mismatched tag", text, pos + 2)
                stack.pop()
                t.end(tag)
                depth -= 1
                pos = end + 1
            else:
                m = _name_re.match(text, pos + 1)
                if not m:
                    self._error("not well-formed (invalid token)", text, pos)
                if seen_root and depth == 0:
                    self._error("junk after document element", text, pos)
                tag = m.group(0)
                p = m.end()
                attrs = {}
                while True:
                    am = _attr_re.match(text, p)
                    if not am:
                        break
                    key = am.group(1)
                    if key in attrs:
                        self._error("duplicate attribute", text, p)
                    value = am.group(2)[1:-1]
                    value = self._unescape(value, text, p)
                    value = value.replace("\r\n", " ").replace("\n", " ").replace("\t", " ").replace("\r", " ")
                    attrs[key] = value
                    p = am.end()
                while p < n and text[p].isspace():
                    p += 1
                if text.startswith("/>", p):
                    t.start(tag, attrs)
                    t.end(tag)
                    pos = p + 2
                    seen_root = seen_root or depth == 0
                elif text.startswith(">", p):
                    t.start(tag, attrs)
                    stack.append(tag)
                    depth += 1
                    seen_root = True
                    pos = p + 1
                else:
                    self._error("not well-formed (invalid token)", text, p)
        if stack:
            self._error("no element found", text, n)
        if not seen_root:
            self._error("no element found", text, n)


def XML(text, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


def XMLID(text, parser=None):
    tree = XML(text, parser)
    ids = {}
    for elem in tree.iter():
        id = elem.get("id")
        if id:
            ids[id] = elem
    return tree, ids


def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


class _EventBuilder(TreeBuilder):
    def __init__(self, events, sink):
        super().__init__()
        self._events = events
        self._sink = sink

    def start(self, tag, attrs):
        elem = super().start(tag, attrs)
        if "start" in self._events:
            self._sink.append(("start", elem))
        return elem

    def end(self, tag):
        elem = super().end(tag)
        if "end" in self._events:
            self._sink.append(("end", elem))
        return elem

    def comment(self, text):
        elem = super().comment(text)
        if "comment" in self._events:
            self._sink.append(("comment", elem))
        return elem

    def pi(self, target, text=None):
        elem = super().pi(target, text)
        if "pi" in self._events:
            self._sink.append(("pi", elem))
        return elem


class XMLPullParser:
    def __init__(self, events=None, *, _parser=None):
        self._events = []
        self._builder = _EventBuilder(events or ("end",), self._events)
        self._parser = XMLParser(target=self._builder)
        self._closed = False

    def feed(self, data):
        self._parser.feed(data)

    def close(self):
        self._root = self._parser.close()
        self._closed = True

    def read_events(self):
        events = self._events
        while events:
            yield events.pop(0)


class _IterParseIterator:
    def __init__(self, source, events):
        self._close = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            self._close = True
        self._source = source
        self._events = events
        self.root = None
        self._it = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            pull = XMLPullParser(self._events)
            pull.feed(self._source.read())
            if self._close:
                self._source.close()
            pull.close()
            self.root = pull._root
            self._it = pull.read_events()
        return next(self._it)


def iterparse(source, events=None, parser=None):
    return _IterParseIterator(source, events)
