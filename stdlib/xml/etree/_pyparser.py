"""ElementTree's XMLParser written in the language, for builds without libexpat (the playground's
WebAssembly build): well-formed XML's elements, attributes, text, entity and character
references, comments, processing instructions and CDATA; the DTD is skipped except for its
internal entity declarations. ElementTree.py uses it only when the _expat module is missing.
"""
import re
import sys

_entities = {"lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"}
_ref_re = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);")
_name_re = re.compile(r"[^\s/>=<'\"!?]+")
_attr_re = re.compile(r"\s*([^\s=/>]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


class XMLParser:
    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else sys.modules["xml.etree.ElementTree"].TreeBuilder()
        self._buf = []
        self.entity = {}
        self.version = "Expat 2.5.0"

    def _error(self, message, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1)
        err = sys.modules["xml.etree.ElementTree"].ParseError("%s: line %d, column %d" % (message, line, col))
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
