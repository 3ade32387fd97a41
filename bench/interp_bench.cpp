// Interpreter mechanism benchmarks: attribute load (cache hit, and a site that sees a new class
// each time), attribute store (one instance layout, and two), method call, generator resume, exception raise/catch, plain calls, instance
// creation, a generator expression consumed by tuple(), slice assignment, method calls on
// wide instances, dict.get misses, json.loads, object churn, calls of a function whose local a
// closure captures, calls of a builtin function, calls of a bound builtin method, calls of a
// recursive function, `+` on instances of a class with __add__. Each
// iteration runs a Python loop of kOps operations; items/s is operations per second.
//   ml_bench --benchmark_filter=Interp
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "parse/parser.h"

namespace {

constexpr int kOps = 10000;

const char* kSetup = R"(
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
    def m(self, x):
        return x

class Q(P):
    pass

def attr_hit(n):
    p = P()
    s = 0
    for i in range(n):
        s += p.c
    return s

def attr_miss(n):
    # Alternating receiver classes: the site's cached class never matches twice in a row.
    objs = [P(), Q()]
    s = 0
    for i in range(n):
        s += objs[i & 1].c
    return s

def attr_store(n):
    p = P()
    for i in range(n):
        p.b = i

def attr_store_poly(n):
    # Stores through one site into instances of two layouts (shapes) of one class.
    x, y = P(), P()
    y.d = 4
    objs = [x, y]
    for i in range(n):
        objs[i & 1].b = i

def method_call(n):
    p = P()
    for i in range(n):
        p.m(i)

def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

def gen_resume(n):
    for x in gen(n):
        pass

def raise_catch(n):
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            pass

def f(x):
    return x

def plain_call(n):
    for i in range(n):
        f(i)

def construct(n):
    for i in range(n):
        P()

def genexpr_tuple(n):
    # tuple() of a generator expression of 8 values (run in place, no generator object)
    r = range(8)
    for i in range(n):
        tuple(x for x in r)

class W:
    def __init__(self):
        for i in range(12):
            setattr(self, 'a%d' % i, i)
    def m(self, x):
        return x

def method_call_wide(n):
    # Method calls on two alternating instances with 12 attributes each: every call must
    # know that the instance dict does not shadow the method.
    objs = [W(), W()]
    for i in range(n):
        objs[i & 1].m(i)

def dict_get_miss(n):
    d = {i: i for i in range(40)}
    for i in range(n):
        d.get(i + 1000)

import json
DOC = json.dumps({'key_number_%d' % i: 'value text number %d' % i for i in range(10)})

def json_loads(n):
    # One operation: a document of 10 string pairs
    for i in range(n):
        json.loads(DOC)

def alloc_churn(n):
    # One operation: a tuple, a list and a dict made and dropped
    for i in range(n):
        t = (i, [i], {'k': i})

def captured(x):
    # x is a cell: a nested function reads it
    g = lambda: x
    return x

def closure_call(n):
    for i in range(n):
        captured(i)

def builtin_call(n):
    for i in range(n):
        id(i)

def bound_builtin_call(n):
    out = []
    append = out.append
    for i in range(n):
        append(i)

def fib(k):
    if k < 2:
        return k
    return fib(k - 1) + fib(k - 2)

def recursive_call(n):
    # One operation: a call of a plain recursive function (fib(14) makes 1219 of them).
    for i in range(n // 1219):
        fib(14)

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return self.x + other.x

def instance_add(n):
    # One operation: `a + b` on instances of a class defining __add__.
    a, b = V(1), V(2)
    for i in range(n):
        a + b

def slice_assign(n):
    l = list(range(10))
    for i in range(n):
        l[:5] = l[4::-1]
)";

ml::ast::Module parse(const std::string& code) {
  auto src = std::make_shared<ml::SourceFile>();
  src->path = "<bench>";
  src->text = code;
  const ml::LanguagePack* pack = ml::LanguageRegistry::instance().find("en");
  return ml::parse_program(src, *pack);
}

void run_py(benchmark::State& st, const char* fn) {
  std::ostringstream out;
  ml::interp::RunOptions opts;
  opts.out = &out;
  opts.pack = ml::LanguageRegistry::instance().find("en");
  ml::interp::Interpreter interp(opts);
  interp.exec_module(parse(kSetup));
  ml::ast::Module call = parse(std::string(fn) + "(" + std::to_string(kOps) + ")\n");
  for (auto _ : st) interp.exec_module(call);
  st.SetItemsProcessed(int64_t(st.iterations()) * kOps);
}

void BM_InterpAttrLoadHit(benchmark::State& st) { run_py(st, "attr_hit"); }
void BM_InterpAttrLoadMiss(benchmark::State& st) { run_py(st, "attr_miss"); }
void BM_InterpAttrStore(benchmark::State& st) { run_py(st, "attr_store"); }
void BM_InterpAttrStorePoly(benchmark::State& st) { run_py(st, "attr_store_poly"); }
void BM_InterpMethodCall(benchmark::State& st) { run_py(st, "method_call"); }
void BM_InterpGeneratorResume(benchmark::State& st) { run_py(st, "gen_resume"); }
void BM_InterpRaiseCatch(benchmark::State& st) { run_py(st, "raise_catch"); }
void BM_InterpPlainCall(benchmark::State& st) { run_py(st, "plain_call"); }
void BM_InterpConstruct(benchmark::State& st) { run_py(st, "construct"); }
void BM_InterpGenexprTuple(benchmark::State& st) { run_py(st, "genexpr_tuple"); }
void BM_InterpSliceAssign(benchmark::State& st) { run_py(st, "slice_assign"); }
void BM_InterpMethodCallWide(benchmark::State& st) { run_py(st, "method_call_wide"); }
void BM_InterpDictGetMiss(benchmark::State& st) { run_py(st, "dict_get_miss"); }
void BM_InterpJsonLoads(benchmark::State& st) { run_py(st, "json_loads"); }
void BM_InterpAllocChurn(benchmark::State& st) { run_py(st, "alloc_churn"); }
void BM_InterpClosureCall(benchmark::State& st) { run_py(st, "closure_call"); }
void BM_InterpBuiltinCall(benchmark::State& st) { run_py(st, "builtin_call"); }
void BM_InterpBoundBuiltinCall(benchmark::State& st) { run_py(st, "bound_builtin_call"); }
void BM_InterpRecursiveCall(benchmark::State& st) { run_py(st, "recursive_call"); }
void BM_InterpInstanceAdd(benchmark::State& st) { run_py(st, "instance_add"); }

// Real time: the interpreter runs each program on its own thread (interpreter.h), so the
// benchmark thread's CPU time would leave the work out.
BENCHMARK(BM_InterpAttrLoadHit)->UseRealTime();
BENCHMARK(BM_InterpAttrLoadMiss)->UseRealTime();
BENCHMARK(BM_InterpAttrStore)->UseRealTime();
BENCHMARK(BM_InterpAttrStorePoly)->UseRealTime();
BENCHMARK(BM_InterpMethodCall)->UseRealTime();
BENCHMARK(BM_InterpGeneratorResume)->UseRealTime();
BENCHMARK(BM_InterpRaiseCatch)->UseRealTime();
BENCHMARK(BM_InterpPlainCall)->UseRealTime();
BENCHMARK(BM_InterpConstruct)->UseRealTime();
BENCHMARK(BM_InterpGenexprTuple)->UseRealTime();
BENCHMARK(BM_InterpSliceAssign)->UseRealTime();
BENCHMARK(BM_InterpMethodCallWide)->UseRealTime();
BENCHMARK(BM_InterpDictGetMiss)->UseRealTime();
BENCHMARK(BM_InterpJsonLoads)->UseRealTime();
BENCHMARK(BM_InterpAllocChurn)->UseRealTime();
BENCHMARK(BM_InterpClosureCall)->UseRealTime();
BENCHMARK(BM_InterpBuiltinCall)->UseRealTime();
BENCHMARK(BM_InterpBoundBuiltinCall)->UseRealTime();
BENCHMARK(BM_InterpRecursiveCall)->UseRealTime();
BENCHMARK(BM_InterpInstanceAdd)->UseRealTime();

}  // namespace
