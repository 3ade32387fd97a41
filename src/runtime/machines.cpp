// Where operations run: natively (the kernels compiled into this program) or in a WebAssembly
// instance of the same kernels (operations.h, Machine).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include "kernels/kernels.h"
#include "runtime/operations.h"
#include "support/huge_pages.h"

namespace ml::runtime {

using engine::Val;

// ---------------------------------------------------------------- machines

#define ML_KERNEL_LIST(X)                                                                                \
  X(mlk_fibonacci) X(mlk_fibonacci_recursive) X(mlk_prime_factors) X(mlk_gcd) X(mlk_lcm)                 \
  X(mlk_factorial_limbs_needed) X(mlk_factorial) X(mlk_matrix_multiply) X(mlk_matrix_multiply_panel_width)          \
  X(mlk_matrix_multiply_scratch_doubles) X(mlk_matrix_transpose)          \
  X(mlk_matrix_determinant) X(mlk_string_reverse) X(mlk_string_is_palindrome) X(mlk_string_table_size)   \
  X(mlk_string_char_frequency) X(mlk_string_longest_unique) X(mlk_fnv1a64) X(mlk_sha256)                 \
  X(mlk_xor_cipher) X(mlk_data_sort) X(mlk_data_sum) X(mlk_binary_search) X(mlk_linear_search)           \
  X(mlk_json_parse) X(mlk_json_tape_stats) X(mlk_json_stringify) X(mlk_image_box_blur) X(mlk_image_box_blur_scratch_bytes)                   \
  X(mlk_image_gaussian_blur) X(mlk_monte_carlo_pi)

namespace {

template <class T>
T from_val(const Val& v) {
  if constexpr (std::is_pointer_v<T>) return reinterpret_cast<T>(static_cast<uintptr_t>(v.i64));
  else if constexpr (std::is_floating_point_v<T>) return T(v.type == engine::ValType::F32 ? v.f32 : v.f64);
  else if constexpr (sizeof(T) == 8) return T(v.i64);
  else return T(v.i32);
}
template <class R>
Val to_val(R r) {
  if constexpr (std::is_floating_point_v<R>) return Val::F64(double(r));
  else if constexpr (sizeof(R) == 8) return Val::I64(int64_t(r));
  else return Val::I32(int32_t(r));
}

using Thunk = std::vector<Val> (*)(std::span<const Val>);

template <auto F, class R, class... A, size_t... I>
std::vector<Val> invoke(std::span<const Val> a, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>) {
    F(from_val<A>(a[I])...);
    return {};
  } else {
    return {to_val<R>(F(from_val<A>(a[I])...))};
  }
}
template <auto F, class R, class... A>
Thunk thunk_of(R (*)(A...)) {
  return [](std::span<const Val> a) -> std::vector<Val> {
    if (a.size() != sizeof...(A)) throw CallError(CallError::Kind::Backend, "native kernel called with wrong arity");
    return invoke<F, R, A...>(a, std::index_sequence_for<A...>{});
  };
}

const std::unordered_map<std::string_view, Thunk>& native_kernels() {
  static const std::unordered_map<std::string_view, Thunk> table = {
#define ML_THUNK(f) {#f, thunk_of<&f>(&f)},
      ML_KERNEL_LIST(ML_THUNK)
#undef ML_THUNK
  };
  return table;
}

// Helper threads for native split calls, started on first use and kept for the process: a split
// call then costs a wake-up per helper instead of a thread start and join (tens of microseconds
// each: as much as a whole 100x100 multiply, which made parallel slower than one thread there).
// Calls from several threads at once share the helpers. A caller that has finished its own share
// runs any of its tasks no helper has taken yet, so it never waits on another caller's work
// (the split kernels take their work from a shared counter, so such a task finds little or none).
class NativeHelpers {
 public:
  static NativeHelpers& get() {
    static NativeHelpers* helpers = new NativeHelpers;  // never destroyed: idle helpers may outlive main
    return *helpers;
  }
  // Runs job(0) on the calling thread and job(1..n-1) on helpers; returns when all have ended.
  // Each job's exception is stored in errors[i].
  template <class Job>
  void run(size_t n, Job job, std::vector<std::exception_ptr>& errors) {
    Group group;
    std::vector<Task> tasks(n);
    auto run_task = [&](size_t i) {
      try {
        job(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    };
    {
      std::lock_guard lk(m_);
      group.pending = n - 1;
      for (size_t i = 1; i < n; ++i) {
        tasks[i] = Task{[&run_task, i] { run_task(i); }, &group};
        queue_.push_back(&tasks[i]);
      }
      while (started_ < n - 1) {
        std::thread([this] { serve(); }).detach();
        ++started_;
      }
    }
    cv_.notify_all();
    run_task(0);
    std::vector<Task*> mine;
    {
      std::lock_guard lk(m_);
      for (auto it = queue_.begin(); it != queue_.end();)
        if ((*it)->group == &group) {
          mine.push_back(*it);
          it = queue_.erase(it);
        } else {
          ++it;
        }
      group.pending -= mine.size();
    }
    for (Task* t : mine) t->fn();
    std::unique_lock lk(m_);
    group.done.wait(lk, [&] { return group.pending == 0; });
  }

 private:
  struct Group {
    size_t pending = 0;  // tasks taken by helpers and not yet ended, or still queued (under m_)
    std::condition_variable done;
  };
  struct Task {
    std::function<void()> fn;
    Group* group = nullptr;
  };
  void serve() {
    std::unique_lock lk(m_);
    for (;;) {
      cv_.wait(lk, [&] { return !queue_.empty(); });
      Task* t = queue_.front();
      queue_.pop_front();
      lk.unlock();
      t->fn();
      lk.lock();
      // Notified under the lock: the caller's group (on its stack) outlives this.
      if (--t->group->pending == 0) t->group->done.notify_all();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Task*> queue_;
  size_t started_ = 0;
};

// memcpy of a large buffer across `threads` threads: one thread moves about 10 GB/s here, so the
// 25 MB copies in and out of linear memory of a 4K image cost 2-3 ms each, more than the blur's
// own share of a thread; two threads move it in about two thirds of the time.
void copy_split(uint8_t* dst, const uint8_t* src, uint64_t bytes, unsigned threads) {
  constexpr uint64_t kMinPerThread = uint64_t(4) << 20;
  threads = unsigned(std::min<uint64_t>(threads, bytes / kMinPerThread));
  if (threads <= 1) {
    if (bytes) std::memcpy(dst, src, bytes);
    return;
  }
  uint64_t part = ((bytes / threads) + 63) & ~uint64_t(63);
  std::vector<std::exception_ptr> errors(threads);
  NativeHelpers::get().run(threads, [&](size_t t) {
    uint64_t at = std::min<uint64_t>(t * part, bytes), end = std::min<uint64_t>(at + part, bytes);
    std::memcpy(dst + at, src + at, end - at);
  }, errors);
}

class NativeMachine final : public Machine {
 public:
  bool is_wasm() const override { return false; }
  Buf alloc(uint64_t bytes) override {
    // uninitialized, like the WebAssembly machine's buffers (kernels write what they return)
    owned_.push_back(std::make_unique_for_overwrite<uint8_t[]>(std::max<uint64_t>(bytes, 1)));
    support::advise_huge_pages(owned_.back().get(), bytes);  // untouched yet: faulted in 2 MiB pages
    ptrs_.push_back(owned_.back().get());
    return Buf{ptrs_.size() - 1};
  }
  Buf input(const void* data, uint64_t) override {
    ptrs_.push_back(static_cast<uint8_t*>(const_cast<void*>(data)));
    return Buf{ptrs_.size() - 1};
  }
  Buf output(void* host, uint64_t) override {
    ptrs_.push_back(static_cast<uint8_t*>(host));
    return Buf{ptrs_.size() - 1};
  }
  void collect(Buf, void*, uint64_t) override {}
  uint8_t* ptr(Buf b) override { return ptrs_[b.id]; }
  Val arg(Buf b) override { return Val::I64(int64_t(reinterpret_cast<uintptr_t>(ptrs_[b.id]))); }
  std::vector<Val> call(std::string_view kernel, std::span<const Val> args) override {
    auto it = native_kernels().find(kernel);
    if (it == native_kernels().end())
      throw CallError(CallError::Kind::Backend, fmt::format("no native kernel {}", kernel));
    return it->second(args);
  }
  unsigned threads() const override { return parallel ? std::max(1u, std::min(8u, std::thread::hardware_concurrency())) : 1; }
  void call_split(std::string_view kernel, const std::vector<std::vector<Val>>& lists) override {
    if (lists.size() <= 1) return Machine::call_split(kernel, lists);
    std::vector<std::exception_ptr> errors(lists.size());
    NativeHelpers::get().run(lists.size(), [&](size_t t) { call(kernel, lists[t]); }, errors);
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }

 private:
  std::vector<std::unique_ptr<uint8_t[]>> owned_;
  std::vector<uint8_t*> ptrs_;
};

class WasmMachine final : public Machine {
 public:
  explicit WasmMachine(engine::Instance& inst) : inst_(inst) {}
  bool is_wasm() const override { return true; }
  Buf alloc(uint64_t bytes) override {
    // Reading the export costs about as much as a small kernel call, so operations on scalars
    // (fibonacci, gcd), which never allocate, do not pay for it.
    if (!top_) top_ = (uint64_t(inst_.global_value("__heap_base")) + 15) & ~uint64_t(15);
    uint64_t at = top_;
    top_ = (top_ + bytes + 15) & ~uint64_t(15);
    if (top_ > (uint64_t(1) << 32))
      throw engine::WasmError(engine::ErrorKind::Memory,
                              fmt::format("{} bytes do not fit in a 32-bit WebAssembly address space", top_));
    inst_.ensure_memory(top_);
    return Buf{at};
  }
  Buf input(const void* data, uint64_t bytes) override {
    Buf b = alloc(bytes);
    copy_split(ptr(b), static_cast<const uint8_t*>(data), bytes, threads());
    return b;
  }
  Buf output(void*, uint64_t bytes) override { return alloc(bytes); }
  void collect(Buf b, void* host, uint64_t bytes) override {
    copy_split(static_cast<uint8_t*>(host), ptr(b), bytes, threads());
  }
  uint8_t* ptr(Buf b) override { return inst_.memory_data() + b.id; }
  Val arg(Buf b) override { return Val::I32(int32_t(uint32_t(b.id))); }
  std::vector<Val> call(std::string_view kernel, std::span<const Val> args) override {
    return inst_.call(kernel, args);
  }
  unsigned threads() const override { return parallel ? inst_.threads() : 1; }
  void call_split(std::string_view kernel, const std::vector<std::vector<Val>>& lists) override {
    inst_.call_split(kernel, lists);
  }

 private:
  engine::Instance& inst_;
  uint64_t top_ = 0;  // the next free byte; 0 until the first allocation
};

}  // namespace

std::unique_ptr<Machine> make_native_machine() { return std::make_unique<NativeMachine>(); }
std::unique_ptr<Machine> make_wasm_machine(engine::Instance& instance) {
  return std::make_unique<WasmMachine>(instance);
}
std::vector<std::string> kernel_export_names() {
  return {
#define ML_NAME(f) #f,
      ML_KERNEL_LIST(ML_NAME)
#undef ML_NAME
  };
}

}  // namespace ml::runtime
