// _expat: Debian's libexpat behind xml.parsers.expat (stdlib/xml/parsers/expat.py) and
// xml.etree.ElementTree's XMLParser, the same parser CPython uses, so what is well-formed, the
// error codes and their messages, and the line and column of an error are CPython's.
//
// A parse(...) call runs expat over one chunk and returns what it saw as a list of events that
// the Python side hands to its handlers. The handlers are never called from inside expat:
// an exception thrown by one would unwind through expat's C frames, and collecting first lets the
// Python side stop at the first handler that raises (as CPython's parser does).
#include <expat.h>

#include <unordered_map>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_parser = nullptr;

// Event codes, as stdlib/xml/parsers/expat.py and ElementTree.py read them.
enum Ev : int64_t {
  kStart = 0, kEnd = 1, kData = 2, kComment = 3, kPI = 4, kStartNs = 5, kEndNs = 6,
  kXmlDecl = 7, kStartCdata = 8, kEndCdata = 9, kStartDoctype = 10, kEndDoctype = 11,
  kDefault = 12,
};

// Which events the caller wants (a bit per code): expat calls no handler for the others.
constexpr int64_t bit(Ev e) { return int64_t(1) << e; }

struct ExpatParser : Object {
  XML_Parser p = nullptr;
  bool ordered = false;      // attributes as [name, value, ...] instead of a dict
  bool buffer_text = false;  // adjacent character data as one event
  bool finished = false;     // a final chunk was parsed, or an error stopped the parser
  char sep = 0;              // the namespace separator (0: no namespace processing)
  bool brace = false;        // names in a namespace as "{uri}local" (ElementTree's form)
  ListObj* out = nullptr;    // the events of the chunk being parsed
  std::string text;          // character data not yet recorded (buffer_text)
  // Names seen in this document, one str object each: tags and attribute names repeat.
  std::unordered_map<std::string, Value> names;
  ExpatParser() : Object(OK::Other, t_parser) {}
  ~ExpatParser() override {
    if (p) XML_ParserFree(p);
  }

  Value name(const XML_Char* s) {
    auto it = names.find(s);
    if (it != names.end()) return it->second;
    std::string text(s);
    if (brace && text.find(sep) != std::string::npos) text.insert(text.begin(), '{');
    Value v = mk_str(std::move(text));
    names.emplace(s, v);
    return v;
  }
  void flush_text() {
    if (text.empty()) return;
    out->v.push_back(mk_tuple({Value::integer(kData), mk_str(std::move(text))}));
    text.clear();
  }
  void add(ValueVec ev) {
    flush_text();
    out->v.push_back(mk_tuple(std::move(ev)));
  }
};

ExpatParser* self_of(void* ud) { return static_cast<ExpatParser*>(ud); }
Value opt_str(const XML_Char* s) { return s ? mk_str(std::string(s)) : Value(); }

void on_start(void* ud, const XML_Char* tag, const XML_Char** atts) {
  ExpatParser* e = self_of(ud);
  Value attrs;
  if (e->ordered) {
    ValueVec v;
    for (int i = 0; atts[i]; i += 2) {
      v.push_back(e->name(atts[i]));
      v.push_back(mk_str(std::string(atts[i + 1])));
    }
    attrs = mk_list(std::move(v));
  } else {
    attrs = mk_dict();
    auto* d = attrs.as<DictObj>();
    for (int i = 0; atts[i]; i += 2) d->set(e->name(atts[i]), mk_str(std::string(atts[i + 1])));
  }
  e->add({Value::integer(kStart), e->name(tag), attrs});
}

void on_end(void* ud, const XML_Char* tag) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kEnd), e->name(tag)});
}

void on_data(void* ud, const XML_Char* s, int len) {
  ExpatParser* e = self_of(ud);
  e->text.append(s, (size_t)len);
  if (!e->buffer_text) e->flush_text();
}

void on_comment(void* ud, const XML_Char* s) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kComment), mk_str(std::string(s))});
}

void on_pi(void* ud, const XML_Char* target, const XML_Char* data) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kPI), mk_str(std::string(target)), mk_str(std::string(data))});
}

void on_start_ns(void* ud, const XML_Char* prefix, const XML_Char* uri) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kStartNs), opt_str(prefix), opt_str(uri)});
}

void on_end_ns(void* ud, const XML_Char* prefix) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kEndNs), opt_str(prefix)});
}

void on_xmldecl(void* ud, const XML_Char* version, const XML_Char* encoding, int standalone) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kXmlDecl), opt_str(version), opt_str(encoding), Value::integer(standalone)});
}

void on_start_cdata(void* ud) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kStartCdata)});
}

void on_end_cdata(void* ud) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kEndCdata)});
}

void on_start_doctype(void* ud, const XML_Char* name, const XML_Char* sysid, const XML_Char* pubid, int subset) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kStartDoctype), opt_str(name), opt_str(sysid), opt_str(pubid), Value::integer(subset)});
}

void on_end_doctype(void* ud) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kEndDoctype)});
}

void on_default(void* ud, const XML_Char* s, int len) {
  ExpatParser* e = self_of(ud);
  e->add({Value::integer(kDefault), mk_str(std::string(s, (size_t)len))});
}

ExpatParser* parser_of(const Value& v) {
  auto* e = v.is(OK::Other) ? dynamic_cast<ExpatParser*>(v.o) : nullptr;
  if (!e) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "xmlparser"}, {"type", type_name(v)}});
  return e;
}

// create(encoding, namespace_separator): a parser; either may be None.
Value create(ARGS) {
  check_args("create", n, 2, 2);
  std::string enc = a[0].is_none() ? "" : to_str(a[0]);
  std::string sep = a[1].is_none() ? "" : to_str(a[1]);
  if (!a[1].is_none() && sep.size() > 1)
    raise("ValueError", "namespace_separator must be at most one character, omitted, or None");
  auto* e = new ExpatParser();
  Value ev = Value::obj(e);
  const char* encp = a[0].is_none() ? nullptr : enc.c_str();
  e->sep = sep.empty() ? '\0' : sep[0];
  e->p = a[1].is_none() ? XML_ParserCreate(encp) : XML_ParserCreateNS(encp, e->sep);
  if (!e->p) raise("MemoryError", "");
  XML_SetUserData(e->p, e);
  return ev;
}

// configure(parser, want, ordered_attributes, buffer_text, default_handler[, brace_names]):
// what to record, and how.
Value configure(ARGS) {
  check_args("configure", n, 5, 6);
  ExpatParser* e = parser_of(a[0]);
  int64_t want = as_index(a[1]);
  // Only the events wanted have a handler in expat: what has none goes to the default handler.
  auto pick = [want](Ev ev, auto fn) { return (want & bit(ev)) ? fn : nullptr; };
  XML_SetElementHandler(e->p, pick(kStart, on_start), pick(kEnd, on_end));
  XML_SetCharacterDataHandler(e->p, pick(kData, on_data));
  XML_SetCommentHandler(e->p, pick(kComment, on_comment));
  XML_SetProcessingInstructionHandler(e->p, pick(kPI, on_pi));
  XML_SetNamespaceDeclHandler(e->p, pick(kStartNs, on_start_ns), pick(kEndNs, on_end_ns));
  XML_SetXmlDeclHandler(e->p, pick(kXmlDecl, on_xmldecl));
  XML_SetCdataSectionHandler(e->p, pick(kStartCdata, on_start_cdata), pick(kEndCdata, on_end_cdata));
  XML_SetDoctypeDeclHandler(e->p, pick(kStartDoctype, on_start_doctype), pick(kEndDoctype, on_end_doctype));
  e->ordered = truthy(a[2]);
  e->buffer_text = truthy(a[3]);
  bool brace = n > 5 && truthy(a[5]) && e->sep;
  if (brace != e->brace) e->names.clear();
  e->brace = brace;
  // The default handler (0: none, 1: DefaultHandler, 2: DefaultHandlerExpand) takes what no
  // other handler takes. Setting one with XML_SetDefaultHandler, even a null one, makes expat
  // pass references to internal entities to it instead of expanding them.
  int64_t dflt = as_index(a[4]);
  if (dflt == 1) XML_SetDefaultHandler(e->p, on_default);
  else XML_SetDefaultHandlerExpand(e->p, dflt == 2 ? on_default : nullptr);
  return Value();
}

// parse(parser, data, isfinal) -> (events, error): error is None or
// (code, message, line, column, byte index) of the first error; the events before it are kept.
Value parse(ARGS) {
  check_args("parse", n, 3, 3);
  ExpatParser* e = parser_of(a[0]);
  if (e->finished) {
    ValueVec err{Value::integer(XML_ERROR_FINISHED), mk_str(XML_ErrorString(XML_ERROR_FINISHED)),
                 Value::integer(XML_GetCurrentLineNumber(e->p)), Value::integer(XML_GetCurrentColumnNumber(e->p)),
                 Value::integer(XML_GetCurrentByteIndex(e->p))};
    return mk_tuple({mk_list(), mk_tuple(std::move(err))});
  }
  std::string data;
  if (a[1].is(OK::Str)) {
    data = a[1].as<StrObj>()->s;
    XML_SetEncoding(e->p, "utf-8");  // a str is parsed as its UTF-8, whatever the document says
  } else {
    data = bytes_like(a[1]);
  }
  bool final = truthy(a[2]);
  Value events = mk_list();
  e->out = events.as<ListObj>();
  e->text.clear();
  XML_Status st = XML_STATUS_OK;
  // expat takes the length as an int: a larger chunk goes in pieces.
  constexpr size_t kPiece = size_t(1) << 30;
  size_t pos = 0;
  do {
    size_t piece = std::min(data.size() - pos, kPiece);
    bool last = final && pos + piece == data.size();
    st = XML_Parse(e->p, data.data() + pos, (int)piece, last);
    pos += piece;
  } while (st == XML_STATUS_OK && pos < data.size());
  e->flush_text();
  e->out = nullptr;
  if (final || st != XML_STATUS_OK) e->finished = true;
  Value err;
  if (st != XML_STATUS_OK) {
    XML_Error code = XML_GetErrorCode(e->p);
    err = mk_tuple({Value::integer(code), mk_str(XML_ErrorString(code)),
                    Value::integer(XML_GetCurrentLineNumber(e->p)), Value::integer(XML_GetCurrentColumnNumber(e->p)),
                    Value::integer(XML_GetCurrentByteIndex(e->p))});
  }
  return mk_tuple({events, err});
}

// position(parser) -> (line, column, byte index) where expat is now.
Value position(ARGS) {
  check_args("position", n, 1, 1);
  ExpatParser* e = parser_of(a[0]);
  return mk_tuple({Value::integer(XML_GetCurrentLineNumber(e->p)), Value::integer(XML_GetCurrentColumnNumber(e->p)),
                   Value::integer(XML_GetCurrentByteIndex(e->p))});
}

Value error_string(ARGS) {
  check_args("ErrorString", n, 1, 1);
  const XML_LChar* s = XML_ErrorString((XML_Error)as_index(a[0]));
  return s ? mk_str(s) : Value();
}

// The XML_ERROR_* names and codes of this expat, for xml.parsers.expat.errors.
Value error_codes(ARGS) {
  check_args("error_codes", n, 0, 0);
  ValueVec out;
  for (int code = 1; code < 100; ++code) {
    const XML_LChar* s = XML_ErrorString((XML_Error)code);
    if (!s) break;
    out.push_back(mk_tuple({Value::integer(code), mk_str(s)}));
  }
  return mk_list(std::move(out));
}


// ---------------------------------------------------------------- ElementTree's TreeBuilder
// build(events, i, builder, element_class, sink, report_start, report_end) -> index: runs
// TreeBuilder.start/data/end (stdlib/xml/etree/ElementTree.py) over events[i:] on `builder`'s
// own fields (_elem, _data, _last, _tail, _root), making each element as Element.__init__ does;
// with a sink (iterparse's _EventBuilder), ("start", elem) / ("end", elem) are appended to it
// as asked. Stops at the first event it does not take (a comment, a processing instruction, a
// namespace declaration) and returns its index, for the Python methods to take; len(events)
// when done. Only ElementTree.py calls it, with its own TreeBuilder and Element.
struct TreeState {
  InstObj* b;
  Value elems, data, last, tail, root;
  void load() {
    auto get = [&](const char* n) { Value* v = b->find_attr(n); return v ? *v : Value(); };
    elems = get("_elem"); data = get("_data"); last = get("_last"); tail = get("_tail"); root = get("_root");
    if (!elems.is(OK::List) || !data.is(OK::List)) raise("TypeError", "build: not a TreeBuilder");
  }
  void store() {
    b->set_attr("_data", data);
    b->set_attr("_last", last);
    b->set_attr("_tail", tail);
    b->set_attr("_root", root);
  }
  // TreeBuilder._flush: the text gathered goes to the last element's text or tail.
  void flush() {
    auto& d = data.as<ListObj>()->v;
    if (d.empty()) return;
    if (!last.is_none()) {
      std::string text;
      for (const Value& piece : d) text += piece.as<StrObj>()->s;
      if (last.is(OK::Inst)) last.as<InstObj>()->set_attr(truthy(tail) ? "tail" : "text", mk_str(std::move(text)));
      else setattr(last, truthy(tail) ? "tail" : "text", mk_str(std::move(text)));
    }
    data = mk_list();
  }
};

Value build(ARGS) {
  check_args("build", n, 7, 7);
  if (!a[0].is(OK::List) || !a[2].is(OK::Inst) || !a[3].is(OK::Class)) raise("TypeError", "build: bad arguments");
  const ValueVec& events = a[0].as<ListObj>()->v;
  int64_t i = as_index(a[1]);
  ClassObj* element = a[3].as<ClassObj>();
  ListObj* sink = a[4].is(OK::List) ? a[4].as<ListObj>() : nullptr;
  bool report_start = truthy(a[5]), report_end = truthy(a[6]);
  TreeState t{a[2].as<InstObj>()};
  t.load();
  ValueVec& stack = t.elems.as<ListObj>()->v;
  Value s_start = intern_str("start"), s_end = intern_str("end");
  for (; i < (int64_t)events.size(); ++i) {
    const ValueVec& ev = events[(size_t)i].as<TupleObj>()->v;
    int64_t kind = ev[0].i;
    if (kind == kData) {
      t.data.as<ListObj>()->v.push_back(ev[1]);
    } else if (kind == kStart) {
      t.flush();
      Value elem = make_instance(element);
      auto* e = elem.as<InstObj>();
      // Element.__init__'s fields, in its order (so these share its instances' layout)
      e->set_attr("tag", ev[1]);
      e->set_attr("attrib", ev[2]);
      e->set_attr("_children", mk_list());
      e->set_attr("text", Value());
      e->set_attr("tail", Value());
      if (!stack.empty()) {
        Value* kids = stack.back().is(OK::Inst) ? stack.back().as<InstObj>()->find_attr("_children") : nullptr;
        if (!kids || !kids->is(OK::List)) raise("TypeError", "build: parent is not an Element");
        kids->as<ListObj>()->v.push_back(elem);
      } else if (t.root.is_none()) {
        t.root = elem;
      }
      stack.push_back(elem);
      t.tail = Value::integer(0);
      t.last = elem;
      if (sink && report_start) sink->v.push_back(mk_tuple({s_start, elem}));
    } else if (kind == kEnd) {
      t.flush();
      if (stack.empty()) raise("IndexError", "pop from empty list");
      t.last = stack.back();
      stack.pop_back();
      t.tail = Value::integer(1);
      if (sink && report_end) sink->v.push_back(mk_tuple({s_end, t.last}));
    } else {
      break;
    }
  }
  t.store();
  return Value::integer(i);
}

}  // namespace

void init_pyexpat() {
  t_parser = lib_class("_expat", "parser");
  Value m = lib_module("_expat");
  DictObj* d = module_dict(m);
  def_native(d, "create", create);
  def_native(d, "configure", configure);
  def_native(d, "parse", parse);
  def_native(d, "position", position);
  def_native(d, "ErrorString", error_string);
  def_native(d, "error_codes", error_codes);
  def_native(d, "build", build);
  XML_Expat_Version v = XML_ExpatVersionInfo();
  d->set(str_key("EXPAT_VERSION"), mk_str(XML_ExpatVersion()));
  d->set(str_key("version_info"), mk_tuple({Value::integer(v.major), Value::integer(v.minor), Value::integer(v.micro)}));
  for (auto [name, ev] : {std::pair{"START", kStart}, {"END", kEnd}, {"DATA", kData}, {"COMMENT", kComment},
                          {"PI", kPI}, {"START_NS", kStartNs}, {"END_NS", kEndNs}, {"XML_DECL", kXmlDecl},
                          {"START_CDATA", kStartCdata}, {"END_CDATA", kEndCdata},
                          {"START_DOCTYPE", kStartDoctype}, {"END_DOCTYPE", kEndDoctype}, {"DEFAULT", kDefault}})
    d->set(str_key(std::string("EV_") + name), Value::integer(ev));
}

}  // namespace ml::interp
