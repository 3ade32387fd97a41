// Python's `re` module over PCRE2 (JIT-compiled where the machine allows): Pattern and Match
// objects, the module functions, flags, re.error. Patterns are translated from Python's syntax
// first (re_syntax.cpp). str patterns match by code point over UTF-8 with Unicode classes (\w, \d,
// \s and case folding as in Python); positions given to and reported by Python are code-point
// indices, converted from PCRE2's byte offsets here. bytes patterns match bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "interp/lib/libutil.h"
#include "interp/lib/re_syntax.h"

namespace ml::interp {

namespace {

using namespace re_syntax;

ClassObj *t_pattern, *t_match, *t_error;
pcre2_compile_context* g_cctx;
pcre2_match_context* g_mctx;

Value cp_pos(const Value& pattern, size_t byte);

[[noreturn]] void re_error(const std::string& text, const Value& pattern, Value pos) {
  std::string full = text;
  if (!pos.is_none()) full = msg("runtime.re_at_position", {{"message", text}, {"position", repr(pos)}});
  Value e = make_exception(t_error, ValueVec{mk_str(full)});
  InstObj* d = e.as<InstObj>();
  d->set_attr("msg", mk_str(text));
  d->set_attr("pattern", pattern);
  d->set_attr("pos", pos);
  throw PyError(e);
}

bool is_bytes_like(const Value& v) { return v.is(OK::Bytes); }

// ---------------------------------------------------------------- subjects
// The string being searched, with a cursor that converts between byte offsets (PCRE2's) and
// code-point indices (Python's). Successive conversions in a scan move forward, so the cursor
// makes them cheap; ASCII text needs none.
struct Subject {
  Value keep;
  std::string_view s;
  bool ascii = true;
  bool bytes = false;
  size_t cb = 0;
  int64_t ccp = 0;

  int64_t cp(size_t b) {
    if (ascii) return (int64_t)b;
    for (; cb < b; ++cb) if ((s[cb] & 0xC0) != 0x80) ++ccp;
    for (; cb > b; --cb) if ((s[cb - 1] & 0xC0) != 0x80) --ccp;
    return ccp;
  }
  size_t byte(int64_t cp) {
    if (ascii) return (size_t)cp;
    while (ccp < cp && cb < s.size()) {
      ++cb;
      while (cb < s.size() && (s[cb] & 0xC0) == 0x80) ++cb;
      ++ccp;
    }
    while (ccp > cp && cb > 0) {
      --cb;
      while (cb > 0 && (s[cb] & 0xC0) == 0x80) --cb;
      --ccp;
    }
    return cb;
  }
  Value slice(int64_t b, int64_t e) const {
    std::string part(s.substr((size_t)b, (size_t)(e - b)));
    return bytes ? mk_bytes(std::move(part)) : mk_str(std::move(part));
  }
};

// ---------------------------------------------------------------- patterns
enum Mode { kSearch = 0, kMatch = 1, kFull = 2 };

struct PatternObj : InstObj {
  pcre2_code* code[3] = {nullptr, nullptr, nullptr};  // by Mode: compiled on first use
  pcre2_match_data* md = nullptr;
  Value pattern, groupindex;
  ValueVec names;  // names[g]: the group's name or None
  std::vector<int> parent;
  std::string pcre;
  uint32_t options = 0;
  int64_t flags = 0;
  int ngroups = 0;
  bool bytes = false;
  PatternObj() : InstObj(t_pattern) {}
  ~PatternObj() override {
    for (auto* c : code) if (c) pcre2_code_free(c);
    if (md) pcre2_match_data_free(md);
  }
};

struct MatchObj : InstObj {
  Ref<PatternObj> re;
  std::shared_ptr<Subject> subj;
  std::vector<int64_t> ov;  // byte offsets, start and end of each group; -1: did not take part
  int64_t pos = 0, endpos = 0;
  MatchObj() : InstObj(t_match) {}
};

PatternObj* as_pattern(const Value& v) {
  if (!v.is(OK::Inst) || v.o->type != t_pattern) raise_id("TypeError", "runtime.descriptor_received", {{"owner", "re.Pattern"}, {"type", type_name(v)}});
  return static_cast<PatternObj*>(v.o);
}
MatchObj* as_match(const Value& v) {
  if (!v.is(OK::Inst) || v.o->type != t_match) raise_id("TypeError", "runtime.descriptor_received", {{"owner", "re.Match"}, {"type", type_name(v)}});
  return static_cast<MatchObj*>(v.o);
}

// A byte offset in a pattern as the code-point position Python reports.
Value cp_pos(const Value& pattern, size_t byte) {
  if (!pattern.is(OK::Str)) return Value::integer((int64_t)byte);
  const std::string& s = str_of(pattern);
  int64_t n = 0;
  for (size_t k = 0; k < byte && k < s.size(); ++k) if ((s[k] & 0xC0) != 0x80) ++n;
  return Value::integer(n);
}

pcre2_code* compile_pcre(PatternObj* p, uint32_t extra, const std::vector<uint32_t>& src_pos) {
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* c = pcre2_compile((PCRE2_SPTR)p->pcre.data(), p->pcre.size(), p->options | extra, &err, &off, g_cctx);
  if (!c) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    size_t at = off < src_pos.size() ? src_pos[off] : (p->pattern.is(OK::Str) ? str_of(p->pattern).size() : p->pattern.as<BytesObj>()->s.size());
    re_error(reinterpret_cast<const char*>(buf), p->pattern, cp_pos(p->pattern, at));
  }
  pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);  // where JIT is unavailable, PCRE2 interprets
  return c;
}

pcre2_code* code_for(PatternObj* p, Mode m) {
  if (!p->code[m]) p->code[m] = compile_pcre(p, m == kMatch ? PCRE2_ANCHORED : PCRE2_ANCHORED | PCRE2_ENDANCHORED, {});
  return p->code[m];
}

void check_flags(int64_t flags, bool bytes) {
  if (bytes) {
    if (flags & kUnicode) raise_id("ValueError", "runtime.re_unicode_bytes");
    if ((flags & kLocale) && (flags & kAscii)) raise_id("ValueError", "runtime.re_ascii_locale");
  } else {
    if (flags & kLocale) raise_id("ValueError", "runtime.re_locale_str");
    if ((flags & kAscii) && (flags & kUnicode)) raise_id("ValueError", "runtime.re_ascii_unicode");
  }
}

Value new_pattern(const Value& pattern, int64_t flags) {
  bool bytes = is_bytes_like(pattern);
  if (!bytes && !pattern.is(OK::Str)) raise_id("TypeError", "runtime.re_first_argument");
  const std::string& src = bytes ? pattern.as<BytesObj>()->s : str_of(pattern);
  check_flags(flags, bytes);
  Translated t;
  try {
    t = translate(src, bytes, flags);
  } catch (const SyntaxError& e) {
    re_error(e.msg, pattern, cp_pos(pattern, e.pos));
  }
  flags |= t.inline_flags;
  check_flags(flags, bytes);
  auto* p = new PatternObj();
  Value pv = Value::obj(p);
  p->pattern = pattern;
  p->bytes = bytes;
  p->pcre = std::move(t.pcre);
  p->parent = std::move(t.parent);
  if (!bytes && !(flags & kAscii)) flags |= kUnicode;
  p->flags = flags;
  uint32_t o = 0;
  if (flags & kIgnoreCase) o |= PCRE2_CASELESS;
  if (flags & kMultiline) o |= PCRE2_MULTILINE;
  if (flags & kDotAll) o |= PCRE2_DOTALL;
  if (flags & kVerbose) o |= PCRE2_EXTENDED;
  if (!bytes) o |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | ((flags & kAscii) ? 0 : PCRE2_UCP);
  p->options = o;
  p->code[kSearch] = compile_pcre(p, 0, t.src_pos);
  uint32_t cap = 0, namecount = 0, entry = 0;
  pcre2_pattern_info(p->code[kSearch], PCRE2_INFO_CAPTURECOUNT, &cap);
  p->ngroups = (int)cap;
  p->parent.resize(cap + 1, 0);
  p->names.assign(cap + 1, Value());
  p->groupindex = mk_dict();
  pcre2_pattern_info(p->code[kSearch], PCRE2_INFO_NAMECOUNT, &namecount);
  if (namecount) {
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(p->code[kSearch], PCRE2_INFO_NAMETABLE, &table);
    pcre2_pattern_info(p->code[kSearch], PCRE2_INFO_NAMEENTRYSIZE, &entry);
    std::vector<std::pair<int, std::string>> byno;
    for (uint32_t k = 0; k < namecount; ++k) {
      PCRE2_SPTR e = table + k * entry;
      int g = (e[0] << 8) | e[1];
      byno.emplace_back(g, std::string(reinterpret_cast<const char*>(e + 2)));
    }
    std::sort(byno.begin(), byno.end());  // groupindex in group order, as Python's
    for (auto& [g, name] : byno) {
      p->names[g] = mk_str(name);
      p->groupindex.as<DictObj>()->set(mk_str(name), Value::integer(g));
    }
  }
  p->md = pcre2_match_data_create_from_pattern(p->code[kSearch], nullptr);
  return pv;
}

// re.compile's cache (CPython keeps one too): programs call re.match(pattern, s) in loops.
std::unordered_map<std::string, Value>& cache() {
  static auto* c = new std::unordered_map<std::string, Value>();
  return *c;
}

PatternObj* compiled(const Value& pattern, const Value& flags_v) {
  int64_t flags = flags_v.is_none() ? 0 : as_index(flags_v);
  if (pattern.is(OK::Inst) && pattern.o->type == t_pattern) {
    if (flags) raise_id("ValueError", "runtime.re_flags_compiled");
    return static_cast<PatternObj*>(pattern.o);
  }
  bool bytes = is_bytes_like(pattern);
  if (!bytes && !pattern.is(OK::Str)) raise_id("TypeError", "runtime.re_first_argument");
  std::string key = (bytes ? "b" : "s") + std::to_string(flags) + ":" + (bytes ? pattern.as<BytesObj>()->s : str_of(pattern));
  auto& c = cache();
  auto it = c.find(key);
  if (it != c.end()) return static_cast<PatternObj*>(it->second.o);
  Value p = new_pattern(pattern, flags);
  if (c.size() >= 512) c.clear();
  c.emplace(std::move(key), p);
  return static_cast<PatternObj*>(p.o);
}

std::shared_ptr<Subject> subject_of(PatternObj* p, const Value& v) {
  auto s = std::make_shared<Subject>();
  s->keep = v;
  if (v.is(OK::Str)) {
    if (p->bytes) raise_id("TypeError", "runtime.re_bytes_on_str");
    auto* so = v.as<StrObj>();
    s->s = so->s;
    s->ascii = so->length() == (int64_t)so->s.size();
  } else if (is_bytes_like(v)) {
    if (!p->bytes) raise_id("TypeError", "runtime.re_str_on_bytes");
    s->s = v.as<BytesObj>()->s;
    s->bytes = true;
  } else {
    raise_id("TypeError", "runtime.re_expected_string", {{"type", type_name(v)}});
  }
  return s;
}

// One match of `p` in `mode` over subject bytes [0, end) from byte `start`. `not_empty_here`:
// an empty match at `start` does not count (the match after an empty one must advance, as in
// Python 3.7+). Fills `ov` with byte offsets.
bool run(PatternObj* p, Mode mode, Subject& s, size_t start, size_t end, bool not_empty_here, std::vector<int64_t>& ov) {
  if (start > end) return false;
  pcre2_code* c = code_for(p, mode);
  int rc = pcre2_match(c, (PCRE2_SPTR)s.s.data(), end, start, not_empty_here ? PCRE2_NOTEMPTY_ATSTART : 0, p->md, g_mctx);
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc < 0) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(rc, buf, sizeof buf);
    raise("RuntimeError", std::string("regular expression matching failed: ") + reinterpret_cast<const char*>(buf));
  }
  PCRE2_SIZE* o = pcre2_get_ovector_pointer(p->md);
  ov.assign(2 * (size_t)(p->ngroups + 1), -1);
  for (int g = 0; g < rc && g <= p->ngroups; ++g) {
    if (o[2 * g] == PCRE2_UNSET) continue;
    ov[2 * g] = (int64_t)o[2 * g];
    ov[2 * g + 1] = (int64_t)o[2 * g + 1];
  }
  return true;
}

// Python's pos/endpos (code points, clamped to the string) as byte offsets.
void bounds(Subject& s, Value* a, int n, KwArgs* kw, int first, int64_t& pos, int64_t& endpos, size_t& b0, size_t& b1) {
  int64_t len = s.ascii ? (int64_t)s.s.size() : s.cp(s.s.size());
  Value pv = arg_or(a, n, kw, first, "pos", Value::integer(0));
  Value ev = arg_or(a, n, kw, first + 1, "endpos", Value());
  pos = std::clamp<int64_t>(as_index(pv), 0, len);
  endpos = ev.is_none() ? len : std::clamp<int64_t>(as_index(ev), 0, len);
  b0 = s.byte(pos);
  b1 = s.byte(endpos);
}

Value make_match(PatternObj* p, std::shared_ptr<Subject> s, std::vector<int64_t> ov, int64_t pos, int64_t endpos) {
  auto* m = new MatchObj();
  Value mv = Value::obj(m);
  m->re = Ref<PatternObj>(p);
  m->subj = std::move(s);
  m->ov = std::move(ov);
  m->pos = pos;
  m->endpos = endpos;
  return mv;
}

Value match_impl(Mode mode, PatternObj* p, const Value& string, Value* a, int n, KwArgs* kw, int first) {
  auto s = subject_of(p, string);
  int64_t pos, endpos;
  size_t b0, b1;
  bounds(*s, a, n, kw, first, pos, endpos, b0, b1);
  std::vector<int64_t> ov;
  if (!run(p, mode, *s, b0, b1, false, ov)) return Value();
  return make_match(p, std::move(s), std::move(ov), pos, endpos);
}

// Successive matches over [start, end), each search beginning where the last match ended.
struct Scanner {
  Ref<PatternObj> p;
  std::shared_ptr<Subject> s;
  size_t pos, end;
  bool must_advance = false, done = false;
  bool next(std::vector<int64_t>& ov) {
    if (done) return false;
    if (!run(p.get(), kSearch, *s, pos, end, must_advance, ov)) { done = true; return false; }
    must_advance = ov[0] == ov[1];
    pos = (size_t)ov[1];
    return true;
  }
};


// ---------------------------------------------------------------- groups
int group_index(PatternObj* p, const Value& g) {
  if (g.t == VT::Int || g.t == VT::Bool || g.is(OK::Big)) {
    if (g.is(OK::Big)) raise_id("IndexError", "runtime.no_such_group");
    int64_t i = g.t == VT::Bool ? g.b : g.i;
    if (i < 0 || i > p->ngroups) raise_id("IndexError", "runtime.no_such_group");
    return (int)i;
  }
  if (g.is(OK::Str)) {
    if (Value* v = p->groupindex.as<DictObj>()->find(g)) return (int)v->i;
  }
  raise_id("IndexError", "runtime.no_such_group");
}

Value group_value(MatchObj* m, int g, const Value& dflt) {
  if (m->ov[2 * g] < 0) return dflt;
  return m->subj->slice(m->ov[2 * g], m->ov[2 * g + 1]);
}

Value span_of(MatchObj* m, int g) {
  if (m->ov[2 * g] < 0) return mk_tuple({Value::integer(-1), Value::integer(-1)});
  return mk_tuple({Value::integer(m->subj->cp((size_t)m->ov[2 * g])), Value::integer(m->subj->cp((size_t)m->ov[2 * g + 1]))});
}

// Match.lastindex: the capturing group that closed last. Of the groups ending furthest right, an
// enclosing group closes after the groups inside it; otherwise the later group closes later.
int last_index(MatchObj* m) {
  int best = 0;
  for (int g = 1; g <= m->re->ngroups; ++g) {
    if (m->ov[2 * g] < 0) continue;
    if (!best || m->ov[2 * g + 1] > m->ov[2 * best + 1]) { best = g; continue; }
    if (m->ov[2 * g + 1] < m->ov[2 * best + 1]) continue;
    bool inside_best = false;
    for (int k = m->re->parent[g]; k; k = m->re->parent[k]) inside_best = inside_best || k == best;
    if (!inside_best) best = g;
  }
  return best;
}

std::vector<TemplatePart> template_of(PatternObj* p, const std::string& repl) {
  try {
    return parse_template(repl, p->bytes, p->ngroups,
        [&](const std::string& name) {
          Value* v = p->groupindex.as<DictObj>()->find(mk_str(name));
          return v ? (int)v->i : -1;
        },
        [](const std::string& name) { raise_id("IndexError", "runtime.unknown_group_name", {{"name", name}}); });
  } catch (const SyntaxError& e) {
    re_error(e.msg, p->bytes ? mk_bytes(repl) : mk_str(repl), cp_pos(p->bytes ? mk_bytes(repl) : mk_str(repl), e.pos));
  }
}

void expand_into(std::string& out, const std::vector<TemplatePart>& parts, const Subject& s, const std::vector<int64_t>& ov) {
  for (auto& part : parts) {
    if (part.group < 0) out += part.text;
    else if (ov[2 * part.group] >= 0) out.append(s.s.substr((size_t)ov[2 * part.group], (size_t)(ov[2 * part.group + 1] - ov[2 * part.group])));
  }
}

const std::string& text_of(const Value& v, bool bytes, const char* what) {
  if (bytes && v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  if (!bytes && v.is(OK::Str)) return str_of(v);
  type_error(msg(bytes ? "runtime.expected_bytes_found" : "runtime.expected_str_found", {{"type", type_name(v)}}) + what);
}

// ---------------------------------------------------------------- scans
Value findall_impl(PatternObj* p, const Value& string, Value* a, int n, KwArgs* kw, int first) {
  auto s = subject_of(p, string);
  int64_t pos, endpos;
  size_t b0, b1;
  bounds(*s, a, n, kw, first, pos, endpos, b0, b1);
  Scanner sc{Ref<PatternObj>(p), s, b0, b1};
  ValueVec out;
  std::vector<int64_t> ov;
  Value empty = p->bytes ? mk_bytes("") : mk_str("");
  auto grp = [&](int g) { return ov[2 * g] < 0 ? empty : s->slice(ov[2 * g], ov[2 * g + 1]); };
  while (sc.next(ov)) {
    if (p->ngroups == 0) out.push_back(grp(0));
    else if (p->ngroups == 1) out.push_back(grp(1));
    else {
      ValueVec t;
      for (int g = 1; g <= p->ngroups; ++g) t.push_back(grp(g));
      out.push_back(mk_tuple(std::move(t)));
    }
  }
  return mk_list(std::move(out));
}

Value finditer_impl(PatternObj* p, const Value& string, Value* a, int n, KwArgs* kw, int first) {
  auto s = subject_of(p, string);
  int64_t pos, endpos;
  size_t b0, b1;
  bounds(*s, a, n, kw, first, pos, endpos, b0, b1);
  auto sc = std::make_shared<Scanner>(Scanner{Ref<PatternObj>(p), s, b0, b1});
  return Value::obj(new IterObj([sc, pos, endpos](Value& out) {
    std::vector<int64_t> ov;
    if (!sc->next(ov)) return false;
    out = make_match(sc->p.get(), sc->s, std::move(ov), pos, endpos);
    return true;
  }));
}

Value sub_impl(PatternObj* p, const Value& repl, const Value& string, int64_t count, bool subn) {
  auto s = subject_of(p, string);
  bool callable = !repl.is(OK::Str) && !repl.is(OK::Bytes);
  std::vector<TemplatePart> parts;
  if (!callable) {
    const std::string& r = text_of(repl, p->bytes, "");
    parts = r.find('\\') == std::string::npos ? std::vector<TemplatePart>{{r, -1}} : template_of(p, r);
  }
  Scanner sc{Ref<PatternObj>(p), s, 0, s->s.size()};
  std::string out;
  std::vector<int64_t> ov;
  size_t last = 0;
  int64_t done = 0;
  while ((count <= 0 || done < count) && sc.next(ov)) {
    out.append(s->s.substr(last, (size_t)ov[0] - last));
    if (callable) {
      int64_t cp_end = s->cp(s->s.size());
      Value r = call1(repl, make_match(p, s, ov, 0, cp_end));
      if (!r.is_none()) out += text_of(r, p->bytes, "");
    } else {
      expand_into(out, parts, *s, ov);
    }
    last = (size_t)ov[1];
    ++done;
  }
  out.append(s->s.substr(last));
  Value result = p->bytes ? mk_bytes(std::move(out)) : mk_str(std::move(out));
  if (done == 0 && string.is(OK::Str)) result = string;
  return subn ? mk_tuple({result, Value::integer(done)}) : result;
}

Value split_impl(PatternObj* p, const Value& string, int64_t maxsplit) {
  auto s = subject_of(p, string);
  Scanner sc{Ref<PatternObj>(p), s, 0, s->s.size()};
  ValueVec out;
  std::vector<int64_t> ov;
  size_t last = 0;
  int64_t done = 0;
  while ((maxsplit <= 0 || done < maxsplit) && sc.next(ov)) {
    out.push_back(s->slice((int64_t)last, ov[0]));
    for (int g = 1; g <= p->ngroups; ++g) out.push_back(ov[2 * g] < 0 ? Value() : s->slice(ov[2 * g], ov[2 * g + 1]));
    last = (size_t)ov[1];
    ++done;
  }
  out.push_back(s->slice((int64_t)last, (int64_t)s->s.size()));
  return mk_list(std::move(out));
}

std::string flags_repr(int64_t flags) {
  static const std::pair<int64_t, const char*> names[] = {
      {kTemplate, "re.TEMPLATE"}, {kIgnoreCase, "re.IGNORECASE"}, {kLocale, "re.LOCALE"}, {kMultiline, "re.MULTILINE"},
      {kDotAll, "re.DOTALL"}, {kUnicode, "re.UNICODE"}, {kVerbose, "re.VERBOSE"}, {kDebug, "re.DEBUG"}, {kAscii, "re.ASCII"}};
  std::string out;
  for (auto& [bit, name] : names) {
    if (!(flags & bit)) continue;
    out += (out.empty() ? "" : "|") + std::string(name);
    flags &= ~bit;
  }
  if (flags) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)flags);
    out += (out.empty() ? "" : "|") + std::string(buf);
  }
  return out;
}

// ---------------------------------------------------------------- Match
void init_match_class(ClassObj* c) {
  def_method(c, "group", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    if (n <= 1) return group_value(m, 0, Value());
    if (n == 2) return group_value(m, group_index(m->re.get(), a[1]), Value());
    ValueVec out;
    for (int i = 1; i < n; ++i) out.push_back(group_value(m, group_index(m->re.get(), a[i]), Value()));
    return mk_tuple(std::move(out));
  });
  def_method(c, "__getitem__", [](ARGS) -> Value {
    check_args("__getitem__", n, 2, 2);
    MatchObj* m = as_match(a[0]);
    return group_value(m, group_index(m->re.get(), a[1]), Value());
  });
  def_method(c, "groups", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    Value dflt = arg_or(a + 1, n - 1, kw, 0, "default", Value());
    ValueVec out;
    for (int g = 1; g <= m->re->ngroups; ++g) out.push_back(group_value(m, g, dflt));
    return mk_tuple(std::move(out));
  });
  def_method(c, "groupdict", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    Value dflt = arg_or(a + 1, n - 1, kw, 0, "default", Value());
    Value d = mk_dict();
    m->re->groupindex.as<DictObj>()->for_each([&](const Value& k, const Value& g) {
      d.as<DictObj>()->set(k, group_value(m, (int)g.i, dflt));
    });
    return d;
  });
  def_method(c, "span", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    return span_of(m, n > 1 ? group_index(m->re.get(), a[1]) : 0);
  });
  def_method(c, "start", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    return span_of(m, n > 1 ? group_index(m->re.get(), a[1]) : 0).as<TupleObj>()->v[0];
  });
  def_method(c, "end", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    return span_of(m, n > 1 ? group_index(m->re.get(), a[1]) : 0).as<TupleObj>()->v[1];
  });
  def_method(c, "expand", [](ARGS) -> Value {
    check_args("expand", n, 2, 2);
    MatchObj* m = as_match(a[0]);
    std::string out;
    expand_into(out, template_of(m->re.get(), text_of(a[1], m->re->bytes, "")), *m->subj, m->ov);
    return m->re->bytes ? mk_bytes(std::move(out)) : mk_str(std::move(out));
  });
  def_method(c, "__repr__", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    Value sp = span_of(m, 0);
    return mk_str("<re.Match object; span=" + repr(sp) + ", match=" + repr(group_value(m, 0, Value())) + ">");
  });
  def_method(c, "__copy__", [](ARGS) -> Value { return a[0]; });
  def_method(c, "__deepcopy__", [](ARGS) -> Value { return a[0]; });
  def_property(c, "string", [](ARGS) -> Value { return as_match(a[0])->subj->keep; });
  def_property(c, "re", [](ARGS) -> Value { return Value::obj(as_match(a[0])->re.get()); });
  def_property(c, "pos", [](ARGS) -> Value { return Value::integer(as_match(a[0])->pos); });
  def_property(c, "endpos", [](ARGS) -> Value { return Value::integer(as_match(a[0])->endpos); });
  def_property(c, "lastindex", [](ARGS) -> Value {
    int g = last_index(as_match(a[0]));
    return g ? Value::integer(g) : Value();
  });
  def_property(c, "lastgroup", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    int g = last_index(m);
    return g ? m->re->names[g] : Value();
  });
  def_property(c, "regs", [](ARGS) -> Value {
    MatchObj* m = as_match(a[0]);
    ValueVec out;
    for (int g = 0; g <= m->re->ngroups; ++g) out.push_back(span_of(m, g));
    return mk_tuple(std::move(out));
  });
}

// ---------------------------------------------------------------- Pattern
int64_t int_arg(Value* a, int n, KwArgs* kw, int i, const char* name) {
  Value v = arg_or(a, n, kw, i, name, Value::integer(0));
  return as_index(v);
}

void init_pattern_class(ClassObj* c) {
  auto matcher = [](Mode mode) {
    return [mode](ARGS) -> Value {
      PatternObj* p = as_pattern(a[0]);
      const Value* s = arg_at(a + 1, n - 1, kw, 0, "string");
      if (!s) raise_id("TypeError", "runtime.missing_argument_pos", {{"arg", "string"}, {"pos", "1"}});
      return match_impl(mode, p, *s, a + 1, n - 1, kw, 1);
    };
  };
  def_method(c, "search", matcher(kSearch));
  def_method(c, "match", matcher(kMatch));
  def_method(c, "fullmatch", matcher(kFull));
  def_method(c, "findall", [](ARGS) -> Value {
    const Value* s = arg_at(a + 1, n - 1, kw, 0, "string");
    if (!s) raise_id("TypeError", "runtime.missing_argument_pos", {{"arg", "string"}, {"pos", "1"}});
    return findall_impl(as_pattern(a[0]), *s, a + 1, n - 1, kw, 1);
  });
  def_method(c, "finditer", [](ARGS) -> Value {
    const Value* s = arg_at(a + 1, n - 1, kw, 0, "string");
    if (!s) raise_id("TypeError", "runtime.missing_argument_pos", {{"arg", "string"}, {"pos", "1"}});
    return finditer_impl(as_pattern(a[0]), *s, a + 1, n - 1, kw, 1);
  });
  auto subber = [](bool subn) {
    return [subn](ARGS) -> Value {
      const Value* r = arg_at(a + 1, n - 1, kw, 0, "repl");
      const Value* s = arg_at(a + 1, n - 1, kw, 1, "string");
      if (!r || !s) raise_id("TypeError", "runtime.missing_argument_any", {{"name", "sub"}});
      return sub_impl(as_pattern(a[0]), *r, *s, int_arg(a + 1, n - 1, kw, 2, "count"), subn);
    };
  };
  def_method(c, "sub", subber(false));
  def_method(c, "subn", subber(true));
  def_method(c, "split", [](ARGS) -> Value {
    const Value* s = arg_at(a + 1, n - 1, kw, 0, "string");
    if (!s) raise_id("TypeError", "runtime.missing_argument_named_pos", {{"name", "split"}, {"arg", "string"}, {"pos", "1"}});
    return split_impl(as_pattern(a[0]), *s, int_arg(a + 1, n - 1, kw, 1, "maxsplit"));
  });
  def_method(c, "__repr__", [](ARGS) -> Value {
    PatternObj* p = as_pattern(a[0]);
    int64_t shown = p->flags & ~(p->bytes ? int64_t(0) : int64_t(kUnicode));
    std::string out = "re.compile(" + repr(p->pattern);
    if (shown) out += ", " + flags_repr(shown);
    return mk_str(out + ")");
  });
  def_method(c, "__eq__", [](ARGS) -> Value {
    if (!a[1].is(OK::Inst) || a[1].o->type != t_pattern) return I->not_impl;
    PatternObj *x = as_pattern(a[0]), *y = as_pattern(a[1]);
    return Value::boolean(x->flags == y->flags && x->bytes == y->bytes && eq(x->pattern, y->pattern));
  });
  def_method(c, "__hash__", [](ARGS) -> Value {
    PatternObj* p = as_pattern(a[0]);
    return Value::integer(hash_value(p->pattern) ^ p->flags);
  });
  def_method(c, "__copy__", [](ARGS) -> Value { return a[0]; });
  def_method(c, "__deepcopy__", [](ARGS) -> Value { return a[0]; });
  def_property(c, "pattern", [](ARGS) -> Value { return as_pattern(a[0])->pattern; });
  def_property(c, "flags", [](ARGS) -> Value { return Value::integer(as_pattern(a[0])->flags); });
  def_property(c, "groups", [](ARGS) -> Value { return Value::integer(as_pattern(a[0])->ngroups); });
  def_property(c, "groupindex", [](ARGS) -> Value { return as_pattern(a[0])->groupindex; });
}

// ---------------------------------------------------------------- module functions
Value escape(const Value& v) {
  static const std::string special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  bool bytes = v.is(OK::Bytes);
  if (!bytes && !v.is(OK::Str)) raise_id("TypeError", "runtime.re_expected_str_bytes", {{"type", type_name(v)}});
  const std::string& s = bytes ? v.as<BytesObj>()->s : str_of(v);
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    if (special.find(ch) != std::string::npos) out += '\\';
    out += ch;
  }
  return bytes ? mk_bytes(std::move(out)) : mk_str(std::move(out));
}

void init_module_functions(DictObj* d) {
  // re.search(pattern, string, flags=0) and friends: the pattern method on a cached compile.
  auto matcher = [](Mode mode, const char* name) {
    return [mode, name](ARGS) -> Value {
      const Value* pat = arg_at(a, n, kw, 0, "pattern");
      const Value* s = arg_at(a, n, kw, 1, "string");
      if (!pat || !s) raise_id("TypeError", "runtime.missing_argument_any", {{"name", std::string(name)}});
      PatternObj* p = compiled(*pat, arg_or(a, n, kw, 2, "flags", Value()));
      return match_impl(mode, p, *s, nullptr, 0, nullptr, 0);
    };
  };
  def_native(d, "search", matcher(kSearch, "search"));
  def_native(d, "match", matcher(kMatch, "match"));
  def_native(d, "fullmatch", matcher(kFull, "fullmatch"));
  def_native(d, "findall", [](ARGS) -> Value {
    check_args("findall", n + (kw ? (int)kw->items.size() : 0), 2, 3);
    PatternObj* p = compiled(*arg_at(a, n, kw, 0, "pattern"), arg_or(a, n, kw, 2, "flags", Value()));
    return findall_impl(p, *arg_at(a, n, kw, 1, "string"), nullptr, 0, nullptr, 0);
  });
  def_native(d, "finditer", [](ARGS) -> Value {
    check_args("finditer", n + (kw ? (int)kw->items.size() : 0), 2, 3);
    PatternObj* p = compiled(*arg_at(a, n, kw, 0, "pattern"), arg_or(a, n, kw, 2, "flags", Value()));
    return finditer_impl(p, *arg_at(a, n, kw, 1, "string"), nullptr, 0, nullptr, 0);
  });
  auto subber = [](bool subn) {
    return [subn](ARGS) -> Value {
      check_args(subn ? "subn" : "sub", n + (kw ? (int)kw->items.size() : 0), 3, 5);
      PatternObj* p = compiled(*arg_at(a, n, kw, 0, "pattern"), arg_or(a, n, kw, 4, "flags", Value()));
      return sub_impl(p, *arg_at(a, n, kw, 1, "repl"), *arg_at(a, n, kw, 2, "string"), int_arg(a, n, kw, 3, "count"), subn);
    };
  };
  def_native(d, "sub", subber(false));
  def_native(d, "subn", subber(true));
  def_native(d, "split", [](ARGS) -> Value {
    check_args("split", n + (kw ? (int)kw->items.size() : 0), 2, 4);
    PatternObj* p = compiled(*arg_at(a, n, kw, 0, "pattern"), arg_or(a, n, kw, 3, "flags", Value()));
    return split_impl(p, *arg_at(a, n, kw, 1, "string"), int_arg(a, n, kw, 2, "maxsplit"));
  });
  def_native(d, "compile", [](ARGS) -> Value {
    const Value* pat = arg_at(a, n, kw, 0, "pattern");
    if (!pat) raise_id("TypeError", "runtime.missing_argument_named_pos", {{"name", "compile"}, {"arg", "pattern"}, {"pos", "1"}});
    return Value::obj(compiled(*pat, arg_or(a, n, kw, 1, "flags", Value())));
  });
  def_native(d, "escape", [](ARGS) -> Value {
    check_args("escape", n, 1, 1);
    return escape(a[0]);
  });
  def_native(d, "purge", [](ARGS) -> Value {
    cache().clear();
    return Value();
  });
}

}  // namespace

void init_re() {
  Value m = lib_module("_re");  // stdlib/re.py re-exports it with the flags as RegexFlag values
  DictObj* d = module_dict(m);
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  g_cctx = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(g_cctx, PCRE2_NEWLINE_LF);  // Python's ., $ and ^ know only \n
  g_mctx = pcre2_match_context_create(nullptr);
  if (jit) pcre2_jit_stack_assign(g_mctx, nullptr, pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, nullptr));
  t_pattern = lib_class("re", "Pattern");
  t_match = lib_class("re", "Match");
  t_error = lib_class("re", "error", {Value::obj(I->e("Exception"))});
  init_pattern_class(t_pattern);
  init_match_class(t_match);
  init_module_functions(d);
  d->set(str_key("Pattern"), Value::obj(t_pattern));
  d->set(str_key("Match"), Value::obj(t_match));
  d->set(str_key("error"), Value::obj(t_error));
  d->set(str_key("PatternError"), Value::obj(t_error));
  const std::pair<const char*, int64_t> flags[] = {
      {"A", kAscii}, {"ASCII", kAscii}, {"DEBUG", kDebug}, {"I", kIgnoreCase}, {"IGNORECASE", kIgnoreCase},
      {"L", kLocale}, {"LOCALE", kLocale}, {"M", kMultiline}, {"MULTILINE", kMultiline}, {"NOFLAG", 0},
      {"S", kDotAll}, {"DOTALL", kDotAll}, {"T", kTemplate}, {"TEMPLATE", kTemplate}, {"U", kUnicode},
      {"UNICODE", kUnicode}, {"X", kVerbose}, {"VERBOSE", kVerbose}};
  for (auto& [name, v] : flags) d->set(str_key(name), Value::integer(v));
}

}  // namespace ml::interp
