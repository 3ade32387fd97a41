# The operations library built to WebAssembly.
#
# src/kernels/kernels.cpp (+ src/kernels/*.wasm.cpp, the few libc functions clang may call) is
# compiled with clang-19 --target=wasm32 into two modules in ${CMAKE_BINARY_DIR}/kernels:
#   kernels_simd.wasm    -O3 -msimd128 (auto-vectorized to WebAssembly SIMD)
#   kernels_scalar.wasm  -O3 without SIMD or auto-vectorization (used when simd or
#                        vectorization is off in the configuration)
# each with <module>.sha256, its digest, checked by the runtime before the module is used.
# Both import their linear memory (env.memory, shared: built with -pthread -matomics), so the
# runtime sets its size and maximum from `memory_pages`, and export __heap_base (where the
# runtime starts placing buffers) and __stack_pointer (set per worker thread).
find_program(ML_WASM_CLANG NAMES clang-19 clang)
set(ML_KERNELS_OUT_DIR "${CMAKE_BINARY_DIR}/kernels")
file(MAKE_DIRECTORY ${ML_KERNELS_OUT_DIR})

# Native kernels: fast enough to be a fair fallback (same source, -O3).
target_compile_options(mlkernels PRIVATE -O3)
# Where the runtime looks for the .wasm modules by default (after MULTILINGUAL_KERNELS_DIR).
target_compile_definitions(mlruntime PUBLIC ML_KERNELS_BUILD_DIR="${ML_KERNELS_OUT_DIR}")

if(ML_WASM_CLANG)
  # Threads: the memory is shared (imported as such, maximum 4 GiB: the runtime's own maximum
  # applies), atomics are real, and the data segments are initialized once by the first instance;
  # every further instance on the same memory (a worker) gets its own stack (threads.wasm.cpp).
  # The calling thread's stack in linear memory holds only what a kernel takes the address of
  # (its largest frame, json_parse's chunk of 1,032 stage-1 positions, is about 4 KiB; calls
  # themselves use V8's own stack), so 64 KiB is ample, and every call's linear memory starts that
  # much lower than with 1 MiB.
  set(ML_WASM_COMMON --target=wasm32 -O3 -pthread -matomics -mbulk-memory -mnontrapping-fptoint -std=c++20
      -ffreestanding -fno-exceptions -fno-rtti -nostdlib -I${CMAKE_SOURCE_DIR}/src
      -Wl,--no-entry -Wl,--import-memory -Wl,--shared-memory -Wl,--max-memory=4294967296
      -Wl,--export=__heap_base -Wl,--export=__stack_pointer -Wl,-z,stack-size=65536 -Wl,--strip-debug)
  file(GLOB ML_KERNEL_WASM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/*.cpp)
  file(GLOB ML_KERNEL_HEADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/*.h)
  set(ML_KERNEL_WASM_FILES)
  foreach(variant simd scalar)
    if(variant STREQUAL "simd")
      set(vflags -msimd128)
    else()
      set(vflags -fno-vectorize -fno-slp-vectorize)
    endif()
    set(out ${ML_KERNELS_OUT_DIR}/kernels_${variant}.wasm)
    add_custom_command(OUTPUT ${out} ${out}.sha256
      COMMAND ${ML_WASM_CLANG} ${ML_WASM_COMMON} ${vflags} -o ${out} ${ML_KERNEL_WASM_SOURCES}
      COMMAND ${CMAKE_COMMAND} -DIN=${out} -P ${CMAKE_SOURCE_DIR}/cmake/digest.cmake
      DEPENDS ${ML_KERNEL_WASM_SOURCES} ${ML_KERNEL_HEADERS} ${CMAKE_SOURCE_DIR}/cmake/digest.cmake
      COMMENT "Building WebAssembly kernels (${variant})" VERBATIM)
    list(APPEND ML_KERNEL_WASM_FILES ${out})
  endforeach()
  # The engine tests' own module (C, hand-written traps, loops, imports).
  set(ML_ENGINE_TEST_WASM ${ML_KERNELS_OUT_DIR}/engine_test.wasm)
  add_custom_command(OUTPUT ${ML_ENGINE_TEST_WASM}
    COMMAND ${ML_WASM_CLANG} -x c --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--import-memory
            -Wl,--export=__heap_base -Wl,--allow-undefined -o ${ML_ENGINE_TEST_WASM}
            ${CMAKE_SOURCE_DIR}/tests/engine/testmod.wasm.c
    DEPENDS ${CMAKE_SOURCE_DIR}/tests/engine/testmod.wasm.c
    COMMENT "Building the engine test module" VERBATIM)
  list(APPEND ML_KERNEL_WASM_FILES ${ML_ENGINE_TEST_WASM})
  # The runtime tests' module whose kernels all trap (trap fallback).
  set(ML_TRAPPING_WASM ${ML_KERNELS_OUT_DIR}/test_trapping/kernels_simd.wasm)
  add_custom_command(OUTPUT ${ML_TRAPPING_WASM}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ML_KERNELS_OUT_DIR}/test_trapping
    COMMAND ${ML_WASM_CLANG} -x c --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--import-memory
            -Wl,--export=__heap_base -o ${ML_TRAPPING_WASM} ${CMAKE_SOURCE_DIR}/tests/runtime/trapping_kernels.wasm.c
    DEPENDS ${CMAKE_SOURCE_DIR}/tests/runtime/trapping_kernels.wasm.c
    COMMENT "Building the trapping test kernels" VERBATIM)
  list(APPEND ML_KERNEL_WASM_FILES ${ML_TRAPPING_WASM})
  add_custom_target(ml_kernels_wasm ALL DEPENDS ${ML_KERNEL_WASM_FILES})
  add_dependencies(multilingual ml_kernels_wasm)
else()
  message(WARNING "clang-19 not found: the WebAssembly kernels are not built (the runtime falls back to native)")
endif()

# `multilingual call` parses its JSON arguments with simdjson.
find_package(simdjson CONFIG REQUIRED)
target_link_libraries(mlruntime PUBLIC simdjson::simdjson)

# The runtime's benchmarks on their own (bench/runtime_bench.cpp is also part of ml_bench).
if(EXISTS ${CMAKE_SOURCE_DIR}/bench/runtime_bench.cpp)
  add_executable(ml_rt_bench ${CMAKE_SOURCE_DIR}/bench/runtime_bench.cpp)
  target_link_libraries(ml_rt_bench PRIVATE mlruntime mlcheckednew benchmark::benchmark benchmark::benchmark_main)
  if(TARGET ml_kernels_wasm)
    add_dependencies(ml_rt_bench ml_kernels_wasm)
  endif()
endif()
