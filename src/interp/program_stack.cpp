#include "interp/program_stack.h"

#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <exception>

#if !defined(__EMSCRIPTEN__)
#include <boost/context/detail/fcontext.hpp>
#endif

#include "interp/fiber_asan.h"

namespace ml::interp {

namespace {

// ---------------------------------------------------------------- on a thread of its own
// (a run inside a run, a stack that could not be mapped, and the web build, whose pthread_create
// fails without threads and so runs fn where it is)
struct ThreadJob {
  const std::function<void()>* fn;
  std::exception_ptr exc;
};
void* thread_main(void* p) {
  auto* job = static_cast<ThreadJob*>(p);
  try {
    (*job->fn)();
  } catch (...) {
    job->exc = std::current_exception();
  }
  return nullptr;
}
void run_on_thread(size_t bytes, const std::function<void()>& fn) {
  ThreadJob job{&fn, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t th;
  if (pthread_create(&th, &attr, thread_main, &job) != 0) {
    pthread_attr_destroy(&attr);
    fn();  // fall back to the current thread
    return;
  }
  pthread_attr_destroy(&attr);
  pthread_join(th, nullptr);
  if (job.exc) std::rethrow_exception(job.exc);
}

#if !defined(__EMSCRIPTEN__)
// ---------------------------------------------------------------- switched to on this thread
namespace bctx = boost::context::detail;

// Kept by each thread between runs, at the same address: the WebAssembly engine takes its
// stack limit from the stack it was first entered on.
struct ProgramStack {
  char* map = nullptr;  // a guard page, then the stack
  size_t bytes = 0;
  size_t guard = 0;
  bool running = false;
  ~ProgramStack() {
    if (map) ::munmap(map, guard + bytes);
  }
  char* low() const { return map + guard; }
  bool ensure(size_t want) {
    if (map && bytes == want) return true;
    if (map) ::munmap(map, guard + bytes);
    map = nullptr;
    guard = size_t(::sysconf(_SC_PAGESIZE));
    void* p = ::mmap(nullptr, guard + want, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED) return false;
    ::mprotect(p, guard, PROT_NONE);  // an overflow faults instead of writing below
    map = static_cast<char*>(p);
    bytes = want;
    return true;
  }
  // The pages below the top ones that every run touches go back to the system: one deep
  // recursion does not keep its hundreds of megabytes for the rest of the process.
  void give_back() const {
    constexpr size_t kKept = size_t(256) << 10;
    if (bytes > kKept) ::madvise(low(), bytes - kKept, MADV_DONTNEED);
  }
};
thread_local ProgramStack t_stack;

struct Job {
  const std::function<void()>* fn;
  std::exception_ptr exc;
  bctx::fcontext_t caller = nullptr;
  const void* caller_bottom = nullptr;  // the thread's own stack, for ASan's switch back
  size_t caller_size = 0;
};

void program_entry(bctx::transfer_t t) {
  auto* job = static_cast<Job*>(t.data);
  job->caller = t.fctx;
  fiber_arrived(nullptr, &job->caller_bottom, &job->caller_size);
  try {
    (*job->fn)();
  } catch (...) {
    job->exc = std::current_exception();
  }
  fiber_leave(nullptr, job->caller_bottom, job->caller_size);  // this stack is done with
  bctx::jump_fcontext(job->caller, nullptr);  // never resumed: the next run makes a new context
  __builtin_unreachable();
}
#endif

}  // namespace

void run_on_program_stack(size_t bytes, const std::function<void()>& fn) {
#if defined(__EMSCRIPTEN__)
  run_on_thread(bytes, fn);
#else
  ProgramStack& s = t_stack;
  if (s.running || !s.ensure(bytes)) {
    run_on_thread(bytes, fn);
    return;
  }
  fiber_stack_reused(s.low(), s.bytes);
  s.running = true;
  Job job{&fn, nullptr};
  void* fake = nullptr;
  fiber_leave(&fake, s.low(), s.bytes);
  bctx::jump_fcontext(bctx::make_fcontext(s.low() + s.bytes, s.bytes, program_entry), &job);
  fiber_arrived(fake, nullptr, nullptr);
  s.running = false;
  s.give_back();
  if (job.exc) std::rethrow_exception(job.exc);
#endif
}

}  // namespace ml::interp
