// _pickle_accel: pickle.dumps and pickle.loads in C++ for the data that programs mostly pickle
// (None, bools, ints, floats, str, bytes, and tuples, lists, dicts, sets and frozensets of
// them, and objects that reduce to a global called with such arguments, like datetime.date),
// writing the bytes CPython's _pickle writes. stdlib/_pickle.py calls it, and hands whatever it
// declines (None from dumps, `declined` from loads) to the Python Pickler and Unpickler of
// pickle.py, which do the rest of the format.
//
// The bytes follow CPython's C pickler (Modules/_pickle.c), not pickle.py's where they differ:
// lists and dicts are written in batches of 1000 with APPENDS / SETITEMS, a one-item list or
// dict with APPEND / SETITEM, and a dict of a multiple of 1000 items ends with an empty batch;
// from protocol 4 the output is cut into frames of at least 64 KiB.
// Memo entries are by identity, as in CPython, except for the strings and bytes of at most one
// character (Latin-1), which CPython has one object each of: those are by value.
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

constexpr size_t kBatch = 1000, kFrameTarget = 64 * 1024, kFrameMin = 4, kFrameHeader = 9;
constexpr int kMaxDepth = 800;  // deeper: pickle.py's Pickler, which raises RecursionError

enum Op : uint8_t {
  MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', BINFLOAT = 'G', BININT = 'J', BININT1 = 'K',
  BININT2 = 'M', NONE = 'N', REDUCE = 'R', BINUNICODE = 'X', APPEND = 'a', APPENDS = 'e',
  BINGET = 'h', LONG_BINGET = 'j', EMPTY_LIST = ']', BINPUT = 'q', LONG_BINPUT = 'r', SETITEM = 's',
  TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', EMPTY_DICT = '}', DICT = 'd', LIST = 'l',
  GLOBAL = 'c', DUP = '2', BINBYTES = 'B', SHORT_BINBYTES = 'C', PROTO = 0x80, TUPLE1 = 0x85,
  TUPLE2 = 0x86, TUPLE3 = 0x87, NEWTRUE = 0x88, NEWFALSE = 0x89, LONG1 = 0x8a, LONG4 = 0x8b,
  SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e, EMPTY_SET = 0x8f, ADDITEMS = 0x90,
  FROZENSET = 0x91, STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95,
};

// A value declined: the whole pickle is left to pickle.py.
struct Declined {};

void put_le(std::string& out, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

// ------------------------------------------------------------------------------ dumps
struct Dumper {
  std::string out;
  int proto;
  bool framing;
  size_t frame_start = std::string::npos;  // where the current frame's header room starts
  std::unordered_map<Object*, uint32_t> memo;
  std::unordered_map<std::string, uint32_t> short_memo;  // strings/bytes of <= 1 char, by value
  std::unordered_map<std::string, uint32_t> module_memo;  // module names of globals, by value
  uint32_t next = 0;
  Value hook;      // _pickle._reduce_global(obj, proto): (func, module, name, args) or None
  ValueVec keep;   // what the hook returned: alive while its address is in the memo
  int depth = 0;

  Dumper(int p, Value h) : proto(p), framing(p >= 4), hook(std::move(h)) {}

  void w(char c) {
    if (framing && frame_start == std::string::npos) {
      frame_start = out.size();
      out.append(kFrameHeader, '\0');
    }
    out.push_back(c);
  }
  void wbytes(const void* p, size_t n) {
    if (framing && frame_start == std::string::npos) {
      frame_start = out.size();
      out.append(kFrameHeader, '\0');
    }
    out.append(static_cast<const char*>(p), n);
  }
  void wle(uint64_t v, int n) {
    char b[8];
    for (int i = 0; i < n; ++i) b[i] = char((v >> (8 * i)) & 0xff);
    wbytes(b, size_t(n));
  }
  void commit_frame() {
    if (frame_start == std::string::npos) return;
    size_t len = out.size() - frame_start - kFrameHeader;
    if (len >= kFrameMin) {
      out[frame_start] = char(FRAME);
      for (int i = 0; i < 8; ++i) out[frame_start + 1 + i] = char((uint64_t(len) >> (8 * i)) & 0xff);
    } else {
      out.erase(frame_start, kFrameHeader);
    }
    frame_start = std::string::npos;
  }
  // Before each object (as both CPython picklers check, at the start of save()): a frame that
  // has reached the target size ends here.
  void boundary() {
    if (frame_start != std::string::npos && out.size() - frame_start - kFrameHeader >= kFrameTarget) commit_frame();
  }

  void memo_put(uint32_t idx) {
    if (proto >= 4) {
      w(char(MEMOIZE));
    } else if (idx < 256) {
      w(char(BINPUT)); w(char(idx));
    } else {
      w(char(LONG_BINPUT)); wle(idx, 4);
    }
  }
  void memoize(Object* o) {
    memo.emplace(o, next);
    memo_put(next++);
  }
  void memo_get(uint32_t idx) {
    if (idx < 256) { w(char(BINGET)); w(char(idx)); }
    else { w(char(LONG_BINGET)); wle(idx, 4); }
  }

  void save_int(int64_t v) {
    if (v >= 0 && v <= 0xff) { w(char(BININT1)); w(char(v)); return; }
    if (v >= 0 && v <= 0xffff) { w(char(BININT2)); wle(uint64_t(v), 2); return; }
    if (v >= INT32_MIN && v <= INT32_MAX) { w(char(BININT)); wle(uint64_t(uint32_t(int32_t(v))), 4); return; }
    // LONG1: the fewest two's complement bytes, least significant first (pickle's encode_long).
    int n = 8;
    while (n > 1) {
      int64_t top = v >> (8 * (n - 1) - 1);  // the bits the shorter encoding cannot hold, with its sign bit
      if (top != 0 && top != -1) break;
      --n;
    }
    w(char(LONG1)); w(char(n)); wle(uint64_t(v), n);
  }

  // str/bytes payload with the opcode for its size; one-character ones are memoized by value.
  void save_text(Object* o, const std::string& s, bool is_str) {
    if (s.size() >= kFrameTarget && framing) throw Declined();  // written outside frames by CPython
    if (is_str) {
      if (proto >= 4 && s.size() <= 0xff) { w(char(SHORT_BINUNICODE)); w(char(s.size())); }
      else if (s.size() > 0xffffffffULL) throw Declined();
      else { w(char(BINUNICODE)); wle(s.size(), 4); }
    } else {
      if (proto < 3) throw Declined();
      if (s.size() <= 0xff) { w(char(SHORT_BINBYTES)); w(char(s.size())); }
      else if (s.size() > 0xffffffffULL) throw Declined();
      else { w(char(BINBYTES)); wle(s.size(), 4); }
    }
    wbytes(s.data(), s.size());
    if (is_one_char(s, is_str)) {
      short_memo.emplace(std::string(is_str ? "s" : "b") + s, next);
      memo_put(next++);
    } else {
      memoize(o);
    }
  }
  static bool is_one_char(const std::string& s, bool is_str) {
    if (s.empty()) return true;
    if (!is_str) return s.size() == 1;
    // one code point below 256: one byte, or two for U+0080..U+00FF
    return s.size() == 1 || (s.size() == 2 && (uint8_t(s[0]) == 0xc2 || uint8_t(s[0]) == 0xc3));
  }

  void save(const Value& v) {
    boundary();
    save_inner(v);
  }

  void save_inner(const Value& v) {
    switch (v.t) {
      case VT::None: w(char(NONE)); return;
      case VT::Bool: w(char(v.b ? NEWTRUE : NEWFALSE)); return;
      case VT::Int: save_int(v.i); return;
      case VT::Float: {
        uint64_t bits;
        std::memcpy(&bits, &v.f, 8);
        w(char(BINFLOAT));
        for (int i = 7; i >= 0; --i) w(char((bits >> (8 * i)) & 0xff));
        return;
      }
      case VT::Obj: break;
      default: throw Declined();
    }
    Object* o = v.o;
    bool is_str = o->kind == OK::Str && o->type == I->t_str;
    bool is_bytes = o->kind == OK::Bytes && o->type == I->t_bytes;
    if (is_str || is_bytes) {
      const std::string& s = is_str ? static_cast<StrObj*>(o)->s : static_cast<BytesObj*>(o)->s;
      if (is_one_char(s, is_str)) {
        auto it = short_memo.find(std::string(is_str ? "s" : "b") + s);
        if (it != short_memo.end()) { memo_get(it->second); return; }
      }
    }
    if (auto it = memo.find(o); it != memo.end()) { memo_get(it->second); return; }
    if (is_str || is_bytes) {
      save_text(o, is_str ? static_cast<StrObj*>(o)->s : static_cast<BytesObj*>(o)->s, is_str);
      return;
    }
    if (++depth > kMaxDepth) throw Declined();
    if (o->kind == OK::Tuple && o->type == I->t_tuple) save_tuple(static_cast<TupleObj*>(o));
    else if (o->kind == OK::List && o->type == I->t_list) save_list(static_cast<ListObj*>(o));
    else if (o->kind == OK::Dict && o->type == I->t_dict && static_cast<DictObj*>(o)->default_factory.is_none()) save_dict(static_cast<DictObj*>(o));
    else if (o->kind == OK::Set && o->type == I->t_set && proto >= 4) save_set(static_cast<SetObj*>(o));
    else if (o->kind == OK::FrozenSet && o->type == I->t_frozenset && proto >= 4) save_frozenset(static_cast<SetObj*>(o));
    else save_reduced(v);
    --depth;
  }

  void save_tuple(TupleObj* t) {
    size_t n = t->v.size();
    if (n == 0) { w(char(EMPTY_TUPLE)); return; }
    if (n <= 3) {
      for (size_t i = 0; i < n; ++i) save(t->v[i]);
      if (auto it = memo.find(t); it != memo.end()) {  // it was reached through its items
        for (size_t i = 0; i < n; ++i) w(char(POP));
        memo_get(it->second);
        return;
      }
      w(char(n == 1 ? TUPLE1 : n == 2 ? TUPLE2 : TUPLE3));
    } else {
      w(char(MARK));
      for (size_t i = 0; i < n; ++i) save(t->v[i]);
      if (auto it = memo.find(t); it != memo.end()) {
        w(char(POP_MARK));
        memo_get(it->second);
        return;
      }
      w(char(TUPLE));
    }
    memoize(t);
  }

  void save_list(ListObj* l) {
    w(char(EMPTY_LIST));
    memoize(l);
    size_t n = l->v.size();
    if (n == 0) return;
    if (n == 1) { save(l->v[0]); w(char(APPEND)); return; }
    size_t total = 0;
    do {
      w(char(MARK));
      for (size_t b = 0; b < kBatch && total < l->v.size(); ++b) save(l->v[total++]);
      w(char(APPENDS));
    } while (total < l->v.size());
  }

  void save_dict(DictObj* d) {
    w(char(EMPTY_DICT));
    memoize(d);
    size_t n = d->size();
    if (n == 0) return;
    std::vector<const DictObj::Entry*> items;
    items.reserve(n);
    for (auto& e : d->entries) if (e.hash != DictObj::kTombstone) items.push_back(&e);
    if (n == 1) { save(items[0]->key); save(items[0]->value); w(char(SETITEM)); return; }
    // CPython's loop ends after a batch shorter than 1000, so a multiple of 1000 items ends
    // with an empty MARK SETITEMS.
    size_t pos = 0, i;
    do {
      w(char(MARK));
      for (i = 0; i < kBatch && pos < items.size(); ++i, ++pos) { save(items[pos]->key); save(items[pos]->value); }
      w(char(SETITEMS));
    } while (i == kBatch);
  }

  void save_set(SetObj* s) {
    w(char(EMPTY_SET));
    memoize(s);
    std::vector<Value> items;
    s->for_each([&](const Value& k) { items.push_back(k); });
    if (items.empty()) return;
    size_t pos = 0, i;
    do {
      w(char(MARK));
      for (i = 0; i < kBatch && pos < items.size(); ++i, ++pos) save(items[pos]);
      w(char(ADDITEMS));
    } while (i == kBatch);
  }

  void save_frozenset(SetObj* s) {
    std::vector<Value> items;
    s->for_each([&](const Value& k) { items.push_back(k); });
    w(char(MARK));
    for (auto& k : items) save(k);
    if (auto it = memo.find(s); it != memo.end()) {
      w(char(POP_MARK));
      memo_get(it->second);
      return;
    }
    w(char(FROZENSET));
    memoize(s);
  }

  // Anything else: what pickle.py would write for `func(*args)` when the object reduces to a
  // global and a tuple, asked of _pickle.py's hook; declined otherwise.
  void save_reduced(const Value& v) {
    if (proto < 4 || hook.is_none()) throw Declined();
    Value r = call2(hook, v, Value::integer(proto));
    if (!r.is(OK::Tuple) || r.as<TupleObj>()->v.size() != 4) throw Declined();
    keep.push_back(r);
    auto& parts = r.as<TupleObj>()->v;
    const Value &func = parts[0], &module = parts[1], &name = parts[2], &args = parts[3];
    if (!module.is(OK::Str) || !name.is(OK::Str) || func.t != VT::Obj) throw Declined();
    boundary();  // pickle.py's save(func)
    if (auto it = memo.find(func.o); it != memo.end()) {
      memo_get(it->second);
    } else {
      boundary();  // save(module_name)
      auto m = module_memo.find(str_of(module));
      if (m != module_memo.end()) memo_get(m->second);
      else { save_text(module.o, str_of(module), true); module_memo.emplace(str_of(module), next - 1); }
      save(name);
      w(char(STACK_GLOBAL));
      memoize(func.o);
    }
    if (args.is_none()) {  // the object is itself the global (a class, a function)
      return;
    }
    save(args);
    w(char(REDUCE));
    if (memo.count(v.o)) throw Declined();  // reached again through its own arguments
    memoize(v.o);
  }
};

// ------------------------------------------------------------------------------ loads
struct Loader {
  const uint8_t* p;
  const uint8_t* end;
  Value find_class;  // _pickle._find_class(module, name)
  ValueVec stack;
  std::vector<size_t> marks;
  ValueVec memo;
  int proto = 0;

  uint64_t le(const uint8_t* q, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= uint64_t(q[i]) << (8 * i);
    return v;
  }
  // The size of opcode `op`'s argument at q (past the opcode), or -1 if this loader declines it.
  int64_t arg_size(uint8_t op, const uint8_t* q) {
    auto avail = [&](size_t n) { return size_t(end - q) >= n; };
    switch (op) {
      case PROTO: case BININT1: case BINGET: case BINPUT: return 1;
      case BININT2: return 2;
      case BININT: case LONG_BINGET: case LONG_BINPUT: return 4;
      case BINFLOAT: case FRAME: return 8;
      case LONG1: return avail(1) && q[0] <= 8 ? 1 + int64_t(q[0]) : -1;
      case SHORT_BINUNICODE: case SHORT_BINBYTES: return avail(1) ? 1 + int64_t(q[0]) : -1;
      case BINUNICODE: case BINBYTES: return avail(4) ? 4 + int64_t(le(q, 4)) : -1;
      case BINUNICODE8: case BINBYTES8: return avail(8) && le(q, 8) < (uint64_t(1) << 40) ? 8 + int64_t(le(q, 8)) : -1;
      case STOP: case NONE: case NEWTRUE: case NEWFALSE: case EMPTY_TUPLE: case TUPLE1: case TUPLE2:
      case TUPLE3: case TUPLE: case MARK: case EMPTY_LIST: case APPEND: case APPENDS: case EMPTY_DICT:
      case SETITEM: case SETITEMS: case EMPTY_SET: case ADDITEMS: case FROZENSET: case MEMOIZE:
      case POP: case POP_MARK: case DUP: case STACK_GLOBAL: case REDUCE:
        return 0;
      default:
        return -1;
    }
  }
  // Every opcode is one this loader knows, and the pickle ends with STOP: checked before any
  // runs, so that a declined pickle has called nothing (REDUCE calls functions) when pickle.py
  // starts over on it.
  bool scan() {
    const uint8_t* q = p;
    int version = 0;
    while (q < end) {
      uint8_t op = *q++;
      if (op == STOP) return true;
      int64_t n = arg_size(op, q);
      if (n < 0 || end - q < n) return false;
      if (op == PROTO) version = q[0];
      if (version > 5) return false;  // pickle.py's ValueError
      // Only protocol 4 writes STACK_GLOBAL; below 3 a global's name may need fix_imports.
      if (op == STACK_GLOBAL && version < 4) return false;
      q += n;
    }
    return false;
  }
  Value pop() {
    if (stack.empty() || (!marks.empty() && stack.size() <= marks.back())) throw Declined();
    Value v = std::move(stack.back());
    stack.pop_back();
    return v;
  }
  Value& top() {
    if (stack.empty()) throw Declined();
    return stack.back();
  }
  ValueVec pop_mark() {
    if (marks.empty()) throw Declined();
    size_t m = marks.back();
    marks.pop_back();
    ValueVec items(std::make_move_iterator(stack.begin() + long(m)), std::make_move_iterator(stack.end()));
    stack.resize(m);
    return items;
  }
  const Value& memo_at(uint64_t i) {
    if (i >= memo.size() || memo[i].t == VT::Undef) throw Declined();
    return memo[i];
  }
  void memo_set(uint64_t i, Value v) {
    if (i > (uint64_t(1) << 32)) throw Declined();
    if (memo.size() <= i) {
      size_t old = memo.size();
      memo.resize(i + 1);
      for (size_t k = old; k <= i; ++k) memo[k].t = VT::Undef;
    }
    memo[i] = std::move(v);
  }
  Value text(const uint8_t* q, size_t n, bool is_str) {
    std::string s(reinterpret_cast<const char*>(q), n);
    return is_str ? mk_str(std::move(s)) : mk_bytes(std::move(s));
  }

  Value run() {
    for (;;) {
      uint8_t op = *p++;
      int64_t n = arg_size(op, p);
      const uint8_t* a = p;
      p += n;
      switch (op) {
        case PROTO: proto = a[0]; break;
        case FRAME: break;
        case STOP: { Value v = pop(); if (!stack.empty() || !marks.empty()) throw Declined(); return v; }
        case NONE: stack.push_back(Value()); break;
        case NEWTRUE: stack.push_back(Value::boolean(true)); break;
        case NEWFALSE: stack.push_back(Value::boolean(false)); break;
        case BININT1: stack.push_back(Value::integer(a[0])); break;
        case BININT2: stack.push_back(Value::integer(int64_t(le(a, 2)))); break;
        case BININT: stack.push_back(Value::integer(int64_t(int32_t(uint32_t(le(a, 4)))))); break;
        case LONG1: {
          int k = a[0];
          uint64_t u = le(a + 1, k);
          if (k > 0 && k < 8 && (a[k] & 0x80)) u |= ~uint64_t(0) << (8 * k);  // sign extension
          stack.push_back(Value::integer(int64_t(u)));
          break;
        }
        case BINFLOAT: {
          uint64_t bits = 0;
          for (int i = 0; i < 8; ++i) bits = bits << 8 | a[i];
          double d;
          std::memcpy(&d, &bits, 8);
          stack.push_back(Value::flt(d));
          break;
        }
        case SHORT_BINUNICODE: stack.push_back(text(a + 1, a[0], true)); break;
        case BINUNICODE: stack.push_back(text(a + 4, le(a, 4), true)); break;
        case BINUNICODE8: stack.push_back(text(a + 8, le(a, 8), true)); break;
        case SHORT_BINBYTES: stack.push_back(text(a + 1, a[0], false)); break;
        case BINBYTES: stack.push_back(text(a + 4, le(a, 4), false)); break;
        case BINBYTES8: stack.push_back(text(a + 8, le(a, 8), false)); break;
        case EMPTY_TUPLE: stack.push_back(mk_tuple()); break;
        case TUPLE1: case TUPLE2: case TUPLE3: {
          size_t k = op - TUPLE1 + 1;
          ValueVec items(k);
          for (size_t i = k; i-- > 0;) items[i] = pop();
          stack.push_back(mk_tuple(std::move(items)));
          break;
        }
        case TUPLE: { ValueVec items = pop_mark(); stack.push_back(mk_tuple(std::move(items))); break; }
        case MARK: marks.push_back(stack.size()); break;
        case EMPTY_LIST: stack.push_back(mk_list()); break;
        case APPEND: {
          Value v = pop();
          Value& l = top();
          if (!l.is(OK::List) || l.o->type != I->t_list) throw Declined();
          l.as<ListObj>()->v.push_back(std::move(v));
          break;
        }
        case APPENDS: {
          ValueVec items = pop_mark();
          Value& l = top();
          if (!l.is(OK::List) || l.o->type != I->t_list) throw Declined();
          auto& dst = l.as<ListObj>()->v;
          for (auto& x : items) dst.push_back(std::move(x));
          break;
        }
        case EMPTY_DICT: stack.push_back(mk_dict()); break;
        case SETITEM: {
          Value v = pop(), k = pop();
          Value& d = top();
          if (!d.is(OK::Dict) || d.o->type != I->t_dict) throw Declined();
          d.as<DictObj>()->set(k, std::move(v));
          break;
        }
        case SETITEMS: {
          ValueVec items = pop_mark();
          Value& d = top();
          if (!d.is(OK::Dict) || d.o->type != I->t_dict || items.size() % 2) throw Declined();
          auto* dict = d.as<DictObj>();
          for (size_t i = 0; i < items.size(); i += 2) dict->set(items[i], std::move(items[i + 1]));
          break;
        }
        case EMPTY_SET: stack.push_back(mk_set()); break;
        case ADDITEMS: {
          ValueVec items = pop_mark();
          Value& s = top();
          if (!s.is(OK::Set) || s.o->type != I->t_set) throw Declined();
          for (auto& x : items) s.as<SetObj>()->add(x);
          break;
        }
        case FROZENSET: {
          ValueVec items = pop_mark();
          Value s = mk_set(true);
          for (auto& x : items) s.as<SetObj>()->add(x);
          stack.push_back(std::move(s));
          break;
        }
        case MEMOIZE: memo_set(memo.size(), top()); break;
        case BINPUT: memo_set(a[0], top()); break;
        case LONG_BINPUT: memo_set(le(a, 4), top()); break;
        case BINGET: stack.push_back(memo_at(a[0])); break;
        case LONG_BINGET: stack.push_back(memo_at(le(a, 4))); break;
        case POP: if (!marks.empty() && marks.back() == stack.size()) marks.pop_back(); else pop(); break;
        case POP_MARK: pop_mark(); break;
        case DUP: stack.push_back(top()); break;
        case STACK_GLOBAL: {
          Value name = pop(), module = pop();
          if (!name.is(OK::Str) || !module.is(OK::Str) || find_class.is_none()) throw Declined();
          stack.push_back(call2(find_class, module, name));
          break;
        }
        case REDUCE: {
          Value args = pop();
          Value f = pop();
          if (!args.is(OK::Tuple)) throw Declined();
          ValueVec av = args.as<TupleObj>()->v;
          stack.push_back(call(f, av.data(), int(av.size())));
          break;
        }
        default: throw Declined();
      }
    }
  }
};

Value g_declined;  // what loads returns for a pickle it leaves to pickle.py

}  // namespace

void init_pickle_accel() {
  Value m = lib_module("_pickle_accel");
  DictObj* d = module_dict(m);
  g_declined = Value::obj(new InstObj(lib_class("_pickle_accel", "Declined")));
  d->set(mk_str("declined"), g_declined);
  // dumps(obj, protocol, reduce_hook): the pickle as bytes, or None when pickle.py must write it.
  def_native(d, "dumps", [](ARGS) -> Value {
    check_args("dumps", n, 3, 3);
    int64_t proto = as_index(a[1]);
    if (proto < 2 || proto > 5) return Value();
    Dumper dm(int(proto), a[2]);
    try {
      dm.out.push_back(char(PROTO));
      dm.out.push_back(char(proto));
      dm.save(a[0]);
      dm.w(char(STOP));
      dm.commit_frame();
    } catch (Declined&) {
      return Value();
    }
    return mk_bytes(std::move(dm.out));
  });
  // loads(data, find_class): the object, or `declined` when pickle.py must read it.
  def_native(d, "loads", [](ARGS) -> Value {
    check_args("loads", n, 2, 2);
    if (!a[0].is(OK::Bytes)) return g_declined;
    const std::string& s = str_of(a[0]);
    Loader ld{reinterpret_cast<const uint8_t*>(s.data()), reinterpret_cast<const uint8_t*>(s.data()) + s.size(), a[1], {}, {}, {}};
    if (!ld.scan()) return g_declined;
    Value keep = a[0];  // the bytes stay alive while read
    try {
      return ld.run();
    } catch (Declined&) {
      return g_declined;
    }
  });
}

}  // namespace ml::interp
