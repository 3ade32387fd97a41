"""Python's xml.parsers.expat (pyexpat) over Debian's libexpat (the _expat module, in C++).

ParserCreate(encoding, namespace_separator) gives an xmlparser: set its handlers
(StartElementHandler, EndElementHandler, CharacterDataHandler, CommentHandler,
ProcessingInstructionHandler, StartNamespaceDeclHandler, EndNamespaceDeclHandler,
XmlDeclHandler, StartCdataSectionHandler, EndCdataSectionHandler, StartDoctypeDeclHandler,
EndDoctypeDeclHandler, DefaultHandler), then Parse(data, isfinal) or ParseFile(file).
Errors raise ExpatError with code, lineno and offset, worded as expat words them.
"""
import _expat

__all__ = ["ParserCreate", "ExpatError", "error", "errors", "model", "ErrorString",
           "EXPAT_VERSION", "version_info", "XMLParserType", "native_encoding"]

EXPAT_VERSION = _expat.EXPAT_VERSION
version_info = _expat.version_info
native_encoding = "UTF-8"
ErrorString = _expat.ErrorString


class ExpatError(Exception):
    pass


error = ExpatError

_NAMES = ("NO_MEMORY SYNTAX NO_ELEMENTS INVALID_TOKEN UNCLOSED_TOKEN PARTIAL_CHAR TAG_MISMATCH "
          "DUPLICATE_ATTRIBUTE JUNK_AFTER_DOC_ELEMENT PARAM_ENTITY_REF UNDEFINED_ENTITY "
          "RECURSIVE_ENTITY_REF ASYNC_ENTITY BAD_CHAR_REF BINARY_ENTITY_REF "
          "ATTRIBUTE_EXTERNAL_ENTITY_REF MISPLACED_XML_PI UNKNOWN_ENCODING INCORRECT_ENCODING "
          "UNCLOSED_CDATA_SECTION EXTERNAL_ENTITY_HANDLING NOT_STANDALONE UNEXPECTED_STATE "
          "ENTITY_DECLARED_IN_PE FEATURE_REQUIRES_XML_DTD CANT_CHANGE_FEATURE_ONCE_PARSING "
          "UNBOUND_PREFIX UNDECLARING_PREFIX INCOMPLETE_PE XML_DECL TEXT_DECL PUBLICID SUSPENDED "
          "NOT_SUSPENDED ABORTED FINISHED SUSPEND_PE RESERVED_PREFIX_XML RESERVED_PREFIX_XMLNS "
          "RESERVED_NAMESPACE_URI INVALID_ARGUMENT NO_BUFFER AMPLIFICATION_LIMIT_BREACH").split()


class _Namespace:
    def __init__(self, name):
        self.__name__ = name


# xml.parsers.expat.errors: XML_ERROR_<NAME> is the message; codes maps messages to codes and
# messages codes to messages.
errors = _Namespace("pyexpat.errors")
errors.codes = {}
errors.messages = {}
for _code, _message in _expat.error_codes():
    if _code - 1 < len(_NAMES):
        setattr(errors, "XML_ERROR_" + _NAMES[_code - 1], _message)
    errors.codes[_message] = _code
    errors.messages[_code] = _message

model = _Namespace("pyexpat.model")
for _i, _n in enumerate(("XML_CTYPE_EMPTY", "XML_CTYPE_ANY", "XML_CTYPE_MIXED", "XML_CTYPE_NAME",
                         "XML_CTYPE_CHOICE", "XML_CTYPE_SEQ")):
    setattr(model, _n, _i + 1)
for _i, _n in enumerate(("XML_CQUANT_NONE", "XML_CQUANT_OPT", "XML_CQUANT_REP", "XML_CQUANT_PLUS")):
    setattr(model, _n, _i)

# handler attribute -> (event code, how many event fields it takes)
_HANDLERS = {
    "StartElementHandler": _expat.EV_START,
    "EndElementHandler": _expat.EV_END,
    "CharacterDataHandler": _expat.EV_DATA,
    "CommentHandler": _expat.EV_COMMENT,
    "ProcessingInstructionHandler": _expat.EV_PI,
    "StartNamespaceDeclHandler": _expat.EV_START_NS,
    "EndNamespaceDeclHandler": _expat.EV_END_NS,
    "XmlDeclHandler": _expat.EV_XML_DECL,
    "StartCdataSectionHandler": _expat.EV_START_CDATA,
    "EndCdataSectionHandler": _expat.EV_END_CDATA,
    "StartDoctypeDeclHandler": _expat.EV_START_DOCTYPE,
    "EndDoctypeDeclHandler": _expat.EV_END_DOCTYPE,
    "DefaultHandler": _expat.EV_DEFAULT,
    "DefaultHandlerExpand": _expat.EV_DEFAULT,
}
# Handlers accepted and kept, whose events this parser does not report.
_UNREPORTED = ("UnparsedEntityDeclHandler", "EntityDeclHandler", "NotationDeclHandler",
               "NotStandaloneHandler", "ExternalEntityRefHandler", "SkippedEntityHandler",
               "ElementDeclHandler", "AttlistDeclHandler")


def _raise_error(parser, err):
    code, message, line, column, index = err
    parser.ErrorCode, parser.ErrorLineNumber, parser.ErrorColumnNumber = code, line, column
    parser.ErrorByteIndex = index
    e = ExpatError("%s: line %d, column %d" % (message, line, column))
    e.code = code
    e.lineno = line
    e.offset = column
    raise e


class xmlparser:
    def __init__(self, encoding=None, namespace_separator=None):
        self._p = _expat.create(encoding, namespace_separator)
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1
        self.intern = {}

    def __setattr__(self, name, value):
        if name not in _HANDLERS and name not in _UNREPORTED and name[:1] != "_" and name not in (
                "buffer_text", "buffer_size", "ordered_attributes", "specified_attributes",
                "namespace_prefixes", "ErrorCode", "ErrorLineNumber", "ErrorColumnNumber",
                "ErrorByteIndex", "intern"):
            raise AttributeError("'xmlparser' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __getattr__(self, name):
        if name in _HANDLERS or name in _UNREPORTED:
            return None
        raise AttributeError("'xmlparser' object has no attribute '%s'" % name)

    @property
    def CurrentLineNumber(self):
        return _expat.position(self._p)[0]

    @property
    def CurrentColumnNumber(self):
        return _expat.position(self._p)[1]

    @property
    def CurrentByteIndex(self):
        return _expat.position(self._p)[2]

    def Parse(self, data, isfinal=False):
        handlers = [None] * 13
        want = 0
        for name, ev in _HANDLERS.items():
            h = self.__dict__.get(name)
            if h is not None:
                handlers[ev] = h
                want |= 1 << ev
        d = self.__dict__
        dflt = 1 if d.get("DefaultHandler") is not None else 2 if d.get("DefaultHandlerExpand") is not None else 0
        _expat.configure(self._p, want, self.ordered_attributes, self.buffer_text, dflt)
        events, err = _expat.parse(self._p, data, isfinal)
        for ev in events:
            handlers[ev[0]](*ev[1:])
        if err is not None:
            _raise_error(self, err)
        return 1

    def ParseFile(self, file):
        read = file.read
        while True:
            data = read(self.buffer_size)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b"", True)

    def SetParamEntityParsing(self, flag):
        return 1

    def UseForeignDTD(self, flag=True):
        pass

    def GetReparseDeferralEnabled(self):
        return False

    def SetReparseDeferralEnabled(self, enabled):
        pass


XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if namespace_separator is not None and not isinstance(namespace_separator, str):
        raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s"
                        % type(namespace_separator).__name__)
    return xmlparser(encoding, namespace_separator)
