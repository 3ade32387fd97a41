// The cost of crossing between the interpreter and compiled code: a call of `f(x)` returning x,
// at each layer (the engine, a prepared compiled call, a whole interpreted program calling it),
// and the other way, compiled code calling a host function.
//   ml_bench --benchmark_filter=Crossing
#include <benchmark/benchmark.h>

#include <sstream>

#include "engine/engine.h"
#include "lang/pack.h"
#include "parse/parser.h"
#include "tiering/runner.h"
#include "wasm/binary_writer.h"
#include "wasm/compiled_program.h"

namespace {

using namespace ml;

struct Identity {
  ast::Module module;
  std::unique_ptr<engine::Engine> engine = engine::create_engine({});
  std::unique_ptr<wasm::CompiledProgram> program;
  const wasm::Prepared* prepared = nullptr;
  Identity() {
    auto sf = std::make_shared<SourceFile>();
    sf->path = "id.py";
    sf->text = "def f(x):\n    return x\n";
    const LanguagePack& en = *LanguageRegistry::instance().find("en");
    module = parse_program(sf, en);
    program = std::make_unique<wasm::CompiledProgram>(module, en, engine.get());
    std::string why;
    prepared = program->prepared(module.body[0].get(), {wasm::kInt}, &why);
    if (!prepared) throw std::runtime_error(why);
  }
};

Identity& identity() {
  static Identity id;
  return id;
}

// V8's own cost of a call through a looked-up export (the floor for everything above it).
void Crossing_EngineExport(benchmark::State& st) {
  Identity& id = identity();
  engine::Instance& inst = *id.prepared->inst;
  engine::ExportFunction f = inst.function("f");
  engine::Val arg = engine::Val::I64(0), res;
  for (auto _ : st) {
    arg.i64++;
    inst.call(f, std::span<const engine::Val>(&arg, 1), std::span<engine::Val>(&res, 1));
    benchmark::DoNotOptimize(res);
  }
}
BENCHMARK(Crossing_EngineExport);

// A compiled call with wasm::Values: marshalling, the entry with heap and depth limit, the result.
void Crossing_CompiledProgramCall(benchmark::State& st) {
  Identity& id = identity();
  std::vector<wasm::Value> args{wasm::Value::of_int(0)};
  for (auto _ : st) {
    auto r = id.program->call("f", args);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(Crossing_CompiledProgramCall);

// A whole program: the interpreter calling f 100,000 times (items = calls), under --backend wasm
// and under the interpreter alone; the difference per item is the crossing.
void run_program(benchmark::State& st, runtime::Backend backend) {
  const LanguagePack& en = *LanguageRegistry::instance().find("en");
  runtime::LoadedConfig config;
  config.config.prefer_backend = backend;
  std::ostringstream out, err;
  const int n = 100000;
  std::string prog = "def f(x):\n    return x\ns = 0\nfor i in range(" + std::to_string(n) + "):\n    s += f(i)\n";
  tiering::Runner r(en, config, {&out, &err});
  r.run_string(prog);  // starts the engine (each run compiles f again: a cached module)
  for (auto _ : st)
    if (r.run_string(prog) != 0) st.SkipWithError("the program failed");
  st.SetItemsProcessed(st.iterations() * n);
}
void Crossing_ProgramWasm(benchmark::State& st) { run_program(st, runtime::Backend::Wasm); }
void Crossing_ProgramInterpreter(benchmark::State& st) { run_program(st, runtime::Backend::Native); }
// The program runs on the interpreter's own thread: count the process's CPU time.
BENCHMARK(Crossing_ProgramWasm)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(Crossing_ProgramInterpreter)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The other direction: compiled code calling an imported host function id(x) n times in a
// loop (items = calls); per item, a crossing out of WebAssembly and back.
void Crossing_HostImport(benchmark::State& st) {
  using wasm::Op;
  using wasm::WType;
  wasm::ModuleBuilder mb;
  uint32_t id = mb.import_function("env", "id", {{WType::I64}, {WType::I64}});
  uint32_t loop = mb.add_function("loop", {{WType::I32}, {WType::I64}});
  wasm::Function& f = mb.function(loop);
  uint32_t acc = f.add_local(WType::I64, "acc");
  f.block(Op::Block);
  f.block(Op::Loop);
  f.get(0);
  f.op(Op::I32Eqz);
  f.op(Op::BrIf, 1);
  f.get(acc);
  f.i64(1);
  f.op(Op::I64Add);
  f.op(Op::Call, id);
  f.set(acc);
  f.get(0);
  f.i32(1);
  f.op(Op::I32Sub);
  f.set(0);
  f.op(Op::Br, 0);
  f.op(Op::End);
  f.op(Op::End);
  f.get(acc);
  mb.export_function(loop, "loop");
  std::vector<uint8_t> bytes = mb.encode();
  auto engine = engine::create_engine({});
  engine::HostFunction hf;
  hf.name = "id";
  hf.type = {{engine::ValType::I64}, {engine::ValType::I64}};
  hf.fn = [](std::span<const engine::Val> a) { return std::vector<engine::Val>{a[0]}; };
  std::vector<engine::HostFunction> imports;
  imports.push_back(std::move(hf));
  auto inst = engine->instantiate(engine->compile(bytes), std::move(imports));
  const int n = 10000;
  engine::Val arg = engine::Val::I32(n), res;
  engine::ExportFunction fn = inst->function("loop");
  for (auto _ : st) {
    inst->call(fn, std::span<const engine::Val>(&arg, 1), std::span<engine::Val>(&res, 1));
    if (res.i64 != n) st.SkipWithError("wrong result");
  }
  st.SetItemsProcessed(st.iterations() * n);
}
BENCHMARK(Crossing_HostImport)->MeasureProcessCPUTime();

}  // namespace
