// Boost.Context's fcontext calls (make_fcontext, jump_fcontext) on Emscripten's fibers, for
// the wasm32 build of the playground: WebAssembly has no way to switch machine stacks, so the
// build runs Binaryen's Asyncify (-sASYNCIFY), which unwinds the running call chain into a
// buffer and rewinds another one. The generators in frame.cpp keep their fcontext code.
//
// fcontext's contexts are one-shot: jumping to one consumes it, and the jumper's own state
// becomes a fresh context handed to the target. Each Ctx here is such a one-shot record: the
// fiber whose C stack pointer and Asyncify buffer describe a suspended call chain. A Ctx is
// recycled once it has been resumed.
#pragma once
#if defined(__EMSCRIPTEN__)
#include <emscripten/fiber.h>

#include <cstdlib>
#include <new>
#include <vector>

namespace ml::interp::emfiber {

struct Ctx {
  emscripten_fiber_t fiber;
  void (*fn)(struct transfer_t) = nullptr;  // the entry of a context not started yet
};
using fcontext_t = Ctx*;
struct transfer_t {
  fcontext_t fctx;
  void* data;
};

// A suspended chain's locals: generators yield from shallow frames, but a generator resumed
// from deep recursion unwinds every frame of it.
inline constexpr size_t kAsyncifyBytes = 512 << 10;

inline std::vector<Ctx*>& pool() {
  static std::vector<Ctx*> p;
  return p;
}
inline Ctx* new_ctx() {
  auto& p = pool();
  if (!p.empty()) {
    Ctx* c = p.back();
    p.pop_back();
    return c;
  }
  auto* c = new Ctx();
  void* buf = std::malloc(kAsyncifyBytes);
  if (!buf) throw std::bad_alloc();
  c->fiber.asyncify_data.stack_ptr = buf;
  c->fiber.asyncify_data.stack_limit = static_cast<char*>(buf) + kAsyncifyBytes;
  return c;
}
inline void* ctx_buffer(Ctx* c) {
  return static_cast<char*>(c->fiber.asyncify_data.stack_limit) - kAsyncifyBytes;
}
inline void recycle(Ctx* c) {
  c->fn = nullptr;
  pool().push_back(c);
}

// What the last jump handed over: read by the context that it resumed.
inline transfer_t& pending() {
  static transfer_t t{nullptr, nullptr};
  return t;
}

inline void fiber_main(void* arg) {
  Ctx* self = static_cast<Ctx*>(arg);
  void (*fn)(transfer_t) = self->fn;
  transfer_t t = pending();
  recycle(self);
  fn(t);  // never returns: the context's last act is a jump away
  std::abort();
}

// A context that, when first jumped to, runs fn on the stack [sp - size, sp).
inline fcontext_t make_fcontext(void* sp, size_t size, void (*fn)(transfer_t)) {
  Ctx* c = new_ctx();
  void* buf = ctx_buffer(c);
  emscripten_fiber_init(&c->fiber, fiber_main, c, static_cast<char*>(sp) - size, size, buf, kAsyncifyBytes);
  c->fn = fn;
  return c;
}

// Suspends the running chain into a fresh context, resumes `to` with {that context, data}.
inline transfer_t jump_fcontext(fcontext_t to, void* data) {
  Ctx* from = new_ctx();
  emscripten_fiber_init_from_current_context(&from->fiber, ctx_buffer(from), kAsyncifyBytes);
  pending() = transfer_t{from, data};
  emscripten_fiber_swap(&from->fiber, &to->fiber);
  // Back here: someone jumped to `from`, which is now used up.
  transfer_t t = pending();
  recycle(from);
  return t;
}

}  // namespace ml::interp::emfiber
#endif
