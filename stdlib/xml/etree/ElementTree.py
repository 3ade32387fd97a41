"""The ElementTree XML API (Python's xml.etree.ElementTree), written in the language.

Elements, SubElement, the ElementTree wrapper, serialization as CPython writes it (attributes
in insertion order, " />" for empty elements, the same escaping and XML declaration rules), and
parsing over expat as in CPython (the _expat module; namespaced names as "{uri}local", expat's
errors, lines and columns; xml/etree/_pyparser.py where there is no libexpat): fromstring, XML,
parse, iterparse, XMLParser with feed/close, XMLPullParser. Paths for find/findall/iterfind/
findtext are the simple subset: tag, *, ., .., //, and [@attr], [@attr='v'], [tag], [n].
"""
import io
import re

import _etree

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
        # a tree of plain names and strings is written in C++ (_etree); any other in Python
        plain = _etree.serialize(self._root, short_empty_elements)
        if plain is not None:
            chunks.append(plain)
        else:
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


class XMLParser:
    """The parser of Python's ElementTree, over expat (xml.parsers.expat's _expat): the target's
    start/end/data/comment/pi/start_ns/end_ns receive what the document holds; names in a
    namespace arrive as "{uri}local", as in CPython."""

    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else TreeBuilder()
        self.entity = {}
        self.version = "Expat %d.%d.%d" % _expat.version_info
        self._p = _expat.create(encoding, "}")
        self._decoder = None
        self._first = True
        t = self.target
        self._handlers = h = [None] * 13
        for ev, name in ((_expat.EV_START, "start"), (_expat.EV_END, "end"), (_expat.EV_DATA, "data"),
                         (_expat.EV_COMMENT, "comment"), (_expat.EV_PI, "pi"),
                         (_expat.EV_START_NS, "start_ns"), (_expat.EV_END_NS, "end_ns")):
            h[ev] = getattr(t, name, None)
        want = 0
        for ev in range(13):
            if h[ev] is not None:
                want |= 1 << ev
        _expat.configure(self._p, want, False, True, 0, True)

    def _feed(self, data, final):
        if self._first and isinstance(data, (bytes, bytearray)) and data:
            self._first = False
            m = re.match(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)[\"']", bytes(data[:200]))
            if m and m.group(1).decode("ascii").lower().replace("_", "-") not in _EXPAT_ENCODINGS:
                # expat reads UTF-8, UTF-16, ISO-8859-1 and ASCII: other encodings are decoded here
                import codecs
                self._decoder = codecs.getincrementaldecoder(m.group(1).decode("ascii"))()
        if self._decoder is not None and isinstance(data, (bytes, bytearray)):
            data = self._decoder.decode(bytes(data), final)
        events, err = _expat.parse(self._p, data, final)
        if events:
            self._dispatch(events)
        if err is not None:
            code, message, line, column, index = err
            e = ParseError("%s: line %d, column %d" % (message, line, column))
            e.code = code
            e.position = (line, column)
            raise e

    def _fast_build(self):
        """The arguments of _expat.build when the target is this module's TreeBuilder (or
        iterparse's) making Elements: the tree is then built in C++, as CPython's C
        accelerator builds it."""
        t = self.target
        if t.__class__ is TreeBuilder and t._factory is Element:
            return (t, Element, None, False, False)
        if t.__class__ is _EventBuilder and t._factory is Element:
            return (t, Element, t._sink, "start" in t._events, "end" in t._events)
        return None

    def _dispatch(self, events):
        fast = self._fast_build()
        if fast is not None:
            i = 0
            n = len(events)
            while i < n:
                i = _expat.build(events, i, *fast)
                if i < n:
                    self._dispatch_one(events[i:i + 1])
                    i += 1
            return
        self._dispatch_one(events)

    def _dispatch_one(self, events):
        start, end, data, comment, pi, start_ns, end_ns = self._handlers[:7]
        for ev in events:
            kind = ev[0]
            if kind == 0:
                start(ev[1], ev[2])
            elif kind == 1:
                end(ev[1])
            elif kind == 2:
                data(ev[1])
            elif kind == 3:
                comment(ev[1])
            elif kind == 4:
                pi(ev[1], ev[2])
            elif kind == 5:
                start_ns(ev[1] or "", ev[2] or "")
            elif kind == 6:
                end_ns(ev[1] or "")

    def feed(self, data):
        self._feed(data, False)

    def flush(self):
        pass

    def close(self):
        self._feed(b"", True)
        close = getattr(self.target, "close", None)
        return close() if close is not None else None


_EXPAT_ENCODINGS = ("utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii")

try:
    import _expat
except ImportError:  # a build without libexpat
    _expat = None
    from xml.etree._pyparser import XMLParser


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
            # taken a batch at a time: popping the front of a list one by one is quadratic
            batch = events[:]
            del events[:]
            yield from batch


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
            self._it = iter(list(pull.read_events()))
        return next(self._it)


def iterparse(source, events=None, parser=None):
    return _IterParseIterator(source, events)
