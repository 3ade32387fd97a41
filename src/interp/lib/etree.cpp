// _etree: ElementTree's serializer for the common tree in C++ (stdlib/xml/etree/ElementTree.py
// writes the rest): elements whose tags, attribute names and values, text and tails are plain
// strings outside any namespace. Written as _serialize_xml writes them, character for character;
// where anything else appears (a Comment or ProcessingInstruction, a QName, a "{uri}" name,
// a non-str value) it answers None and the Python serializer, which knows them, writes the tree.
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

void escape(std::string& out, const std::string& s, bool attrib) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': if (attrib) out += "&quot;"; else out += c; break;
      case '\r': if (attrib) out += "&#13;"; else out += c; break;
      case '\n': if (attrib) out += "&#10;"; else out += c; break;
      case '\t': if (attrib) out += "&#09;"; else out += c; break;
      default: out += c;
    }
  }
}

// A plain name: a str with no namespace ("{uri}local" needs a prefix the Python side assigns).
const std::string* plain_name(const Value& v) {
  if (!v.is(OK::Str) || v.o->type != I->t_str) return nullptr;
  const std::string& s = v.as<StrObj>()->s;
  return s.empty() || s[0] == '{' ? nullptr : &s;
}

// Text or tail: None/empty (false), a str (true, in `s`), or anything else (fail).
bool text_of(InstObj* e, const char* name, const std::string*& s, bool& fail) {
  Value* v = e->find_attr(name);
  s = nullptr;
  if (!v || v->is_none()) return false;
  if (!v->is(OK::Str)) { fail = true; return false; }
  s = &v->as<StrObj>()->s;
  return !s->empty();
}

// Writes one element and what it holds; false when the tree needs the Python serializer.
bool write_elem(std::string& out, const Value& ev, bool short_empty, int depth) {
  if (!ev.is(OK::Inst) || depth > 10000) return false;
  auto* e = ev.as<InstObj>();
  Value* tag = e->find_attr("tag");
  Value* attrib = e->find_attr("attrib");
  Value* kids = e->find_attr("_children");
  if (!tag || !attrib || !kids || !attrib->is(OK::Dict) || !kids->is(OK::List)) return false;
  const std::string* name = plain_name(*tag);
  if (!name) return false;
  bool fail = false;
  const std::string *text, *tail;
  bool has_text = text_of(e, "text", text, fail);
  bool has_tail = text_of(e, "tail", tail, fail);
  if (fail) return false;
  out += '<';
  out += *name;
  bool ok = true;
  attrib->as<DictObj>()->for_each([&](const Value& k, const Value& v) {
    const std::string* key = plain_name(k);
    if (!ok || !key || !v.is(OK::Str)) { ok = false; return; }
    out += ' ';
    out += *key;
    out += "=\"";
    escape(out, v.as<StrObj>()->s, true);
    out += '"';
  });
  if (!ok) return false;
  const ValueVec& children = kids->as<ListObj>()->v;
  if (has_text || !children.empty() || !short_empty) {
    out += '>';
    if (has_text) escape(out, *text, false);
    for (const Value& c : children)
      if (!write_elem(out, c, short_empty, depth + 1)) return false;
    out += "</";
    out += *name;
    out += '>';
  } else {
    out += " />";
  }
  if (has_tail) escape(out, *tail, false);
  return true;
}

// serialize(element, short_empty_elements) -> str, or None for the Python serializer.
Value serialize(ARGS) {
  check_args("serialize", n, 2, 2);
  std::string out;
  if (!write_elem(out, a[0], truthy(a[1]), 0)) return Value();
  return mk_str(std::move(out));
}

}  // namespace

void init_etree() {
  Value m = lib_module("_etree");
  def_native(module_dict(m), "serialize", serialize);
}

}  // namespace ml::interp
