// Frame objects (sys._getframe, inspect.currentframe, an exception's tb_frame): what a program
// sees of the frames running. The interpreter's frames live on the C++ stack, chained from
// I->cur_frame through Frame::back; a frame object shows one of them while it is in that chain,
// and what it last saw once it has been left (CPython's frames outlive their run the same way).
// A frame object never keeps a pointer it has not checked: it finds its frame again by walking
// the chain, so a frame that was left is never read.
#include <filesystem>

#include "interp/code.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

Value code_object(const FuncCode* c);                 // builtin_reflection.cpp
Value frame_locals_of(Frame* fr);                     // builtin_reflection.cpp

namespace {

ClassObj* t_frame = nullptr;
ClassObj* t_traceback = nullptr;

struct FrameObj : InstObj {
  Frame* fr = nullptr;       // the frame shown, while it runs (see live())
  int pos = 0;               // its place in the chain, counted from the outermost frame (0)
  Frame* back_fr = nullptr;  // its caller when it was made, at pos - 1
  const FuncCode* code = nullptr;
  Value globals, locals, back, code_obj;
  int line = 0;              // the line it was at when last seen running
  bool back_done = false;
  explicit FrameObj(ClassObj* c) : InstObj(c) {}
};

int chain_pos(const Frame* f) { return frame_chain_pos(f); }

int stmt_line(const Frame* f) {
  if (f->stmt) return f->stmt->loc.line;
  const FuncCode* c = frame_code(f);
  // A body run as one expression (FuncCode::value_body) sets no statement: its first one's line.
  if (c->value_body) return c->value_loc.line;
  return c->is_module ? 1 : c->loc.line;
}

Value make_frame(Frame* f, int pos) {
  auto* o = new FrameObj(t_frame);
  Value v = Value::obj(o);
  o->fr = f;
  o->pos = pos;
  o->back_fr = f->back;
  o->code = frame_code(f);
  o->globals = f->globals ? Value::obj(f->globals) : Value();
  o->line = stmt_line(f);
  return v;
}

FrameObj* as_frame(const Value& v) {
  auto* o = v.is(OK::Inst) ? dynamic_cast<FrameObj*>(v.as<InstObj>()) : nullptr;
  if (!o) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "frame"}, {"type", type_name(v)}});
  return o;
}

// The frame still running that `o` shows, or null once it has been left.
Frame* live(FrameObj* o) {
  if (!o->fr || chain_pos(o->fr) != o->pos || frame_code(o->fr) != o->code) {
    o->fr = nullptr;
    return nullptr;
  }
  return o->fr;
}

Value frame_back(FrameObj* o) {
  if (o->back_done) return o->back;
  Frame* f = live(o);
  Frame* b = f ? f->back : o->back_fr;
  if (!b || (!f && chain_pos(b) != o->pos - 1)) return Value();  // its caller was left too
  o->back = make_frame(b, o->pos - 1);
  o->back_done = true;
  return o->back;
}

// A frame object for a frame an error left (a traceback entry): the frame itself while it
// still runs (the one handling the error), else what the entry recorded of it.
Value entry_frame(const ExcState::TBEntry& t) {
  if (!t.code) return Value();
  if (t.frame && t.pos >= 0 && chain_pos(t.frame) == t.pos && frame_code(t.frame) == t.code) {
    Value v = make_frame(t.frame, t.pos);
    static_cast<FrameObj*>(v.as<InstObj>())->line = t.loc.line;
    return v;
  }
  auto* o = new FrameObj(t_frame);
  Value v = Value::obj(o);
  o->pos = t.pos;
  o->back_fr = t.back;
  o->code = t.code;
  o->globals = t.globals;
  o->line = t.loc.line;
  return v;
}

void init_traceback_type() {
  t_traceback = lib_class("builtins", "traceback");
  auto field = [](const char* name) {
    def_property(t_traceback, name, [name](ARGS) -> Value {
      Value* v = a[0].is(OK::Inst) ? a[0].as<InstObj>()->find_attr(std::string("_") + name) : nullptr;
      return v ? *v : Value();
    });
  };
  for (const char* f : {"tb_frame", "tb_lineno", "tb_next", "tb_lasti"}) field(f);
}

}  // namespace

int frame_chain_pos(const Frame* f) {
  int n = 0, at = -1;
  for (const Frame* x = I->cur_frame; x; x = x->back, ++n)
    if (x == f) at = n;
  return at < 0 ? -1 : n - 1 - at;
}

// exc.__traceback__: one traceback object per frame the error left, outermost first (tb_next
// goes towards where it was raised), made when asked for.
Value exception_traceback(const Value& exc) {
  const ExcState* es = exc.is(OK::Inst) ? exc.as<InstObj>()->exc_state() : nullptr;
  if (!es || es->tb.empty()) return Value();
  Value next;
  for (const auto& t : es->tb) {  // innermost first: each links to the one made before
    Value tb = make_instance(t_traceback);
    InstObj* o = tb.as<InstObj>();
    o->set_attr("_tb_frame", entry_frame(t));
    o->set_attr("_tb_lineno", Value::integer(t.loc.line));
    o->set_attr("_tb_lasti", Value::integer(0));
    o->set_attr("_tb_next", next);
    next = tb;
  }
  return next;
}

// A source file as code objects and tracebacks name it: by its absolute path, as Python does
// (the main program's too, since 3.9).
std::string source_path(const SourceFile* src) {
  if (!src) return "<string>";
  if (src->path.empty() || src->path[0] == '<') return src->path;
  std::error_code ec;
  auto p = std::filesystem::absolute(src->path, ec);
  return ec ? src->path : p.lexically_normal().string();
}

namespace {

void init_frame_type() {
  t_frame = lib_class("builtins", "frame");
  def_property(t_frame, "f_code", [](ARGS) -> Value {
    FrameObj* o = as_frame(a[0]);
    if (o->code_obj.is_none()) o->code_obj = code_object(o->code);
    return o->code_obj;
  });
  def_property(t_frame, "f_lineno", [](ARGS) -> Value {
    FrameObj* o = as_frame(a[0]);
    if (Frame* f = live(o)) o->line = stmt_line(f);
    return Value::integer(o->line);
  });
  def_property(t_frame, "f_locals", [](ARGS) -> Value {
    FrameObj* o = as_frame(a[0]);
    if (Frame* f = live(o)) o->locals = frame_locals_of(f);
    if (o->locals.is_none()) o->locals = mk_dict();
    return o->locals;
  });
  def_property(t_frame, "f_globals", [](ARGS) -> Value {
    FrameObj* o = as_frame(a[0]);
    return o->globals.is_none() ? mk_dict() : o->globals;
  });
  def_property(t_frame, "f_builtins", [](ARGS) -> Value { return Value::obj(I->builtins.get()); });
  def_property(t_frame, "f_back", [](ARGS) -> Value { return frame_back(as_frame(a[0])); });
  def_property(t_frame, "f_lasti", [](ARGS) -> Value { return Value::integer(0); });
  def_property(t_frame, "f_trace", [](ARGS) -> Value { return Value(); });
  def_method(t_frame, "clear", [](ARGS) -> Value { return Value(); });
  def_method(t_frame, "__repr__", [](ARGS) -> Value {
    FrameObj* o = as_frame(a[0]);
    if (Frame* f = live(o)) o->line = stmt_line(f);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void*)o);
    return mk_str("<frame at " + std::string(addr) + ", file '" + source_path(o->code->src) + "', line " +
                  std::to_string(o->line) + ", code " + (o->code->name.empty() ? "<module>" : o->code->name) + ">");
  });
}

}  // namespace

// sys._getframe(depth=0): the frame `depth` calls up from the caller's.
Value get_frame(int64_t depth) {
  if (depth < 0) depth = 0;
  Frame* f = I->cur_frame;
  for (int64_t i = 0; f && i < depth; ++i) f = f->back;
  if (!f) raise_id("ValueError", "runtime.call_stack_not_deep");
  return make_frame(f, chain_pos(f));
}

void init_frame_objects(DictObj* sys) {
  init_frame_type();
  init_traceback_type();
  def_native(sys, "_getframe", [](ARGS) -> Value {
    check_args("_getframe", n, 0, 1);
    return get_frame(n ? as_index(a[0]) : 0);
  });
}

}  // namespace ml::interp
