# What `multilingual run hello.py` costs before the program's first line: the pages of the
# executable and of its shared libraries that the start-up touches count in the process's memory,
# and every shared library costs its relocations, its symbol look-ups and its own writable pages.
#
#   ML_STATIC_DEPS      the small C libraries behind library modules (sqlite3, re's PCRE2, zlib,
#                       bz2, lzma, gmp, readline for the REPL, utf8proc, Boost.Context) are linked
#                       statically into executables: a run that never imports sqlite3 never maps
#                       a page of it. Shared objects (libmultilingual.so, the Python extension)
#                       keep linking them as shared libraries.
#   ML_STARTUP_LAYOUT   the executable linked with lld, which lays out first the code sections
#                       holding the functions named in cmake/startup_order.txt (those a `run` of
#                       a small program executes; scripts/startup-order.sh remakes the list). The
#                       kernel maps a file's pages 64 KiB around each one touched, so start-up
#                       code scattered over 6 MB of code maps most of it; gathered, less. A
#                       section is a source file's code, or one inline function's; the sources
#                       named in cmake/startup_sections.txt (the same script lists them: those
#                       whose start-up functions are a little of much code) are compiled with
#                       -ffunction-sections, so that each of their functions is one section.
#                       (Every source could be, at the price of a full rebuild.)
#   the executable is not position-independent (as Debian's python3 is not): a PIE must relocate
#   every pointer in its data at start-up, which writes (and so keeps) those pages.
#
# Include this before the targets are declared; call ml_startup_executable(multilingual) after.

set(ML_NO_STARTUP_TUNING OFF)
if(ML_SANITIZE OR ML_FUZZ OR EMSCRIPTEN)
  set(ML_NO_STARTUP_TUNING ON)  # the sanitizers' run-times want the usual layout
endif()
option(ML_STATIC_DEPS "Link the small C libraries into executables statically" ON)
option(ML_STARTUP_LAYOUT "Lay out the executable's start-up code together (needs lld)" ON)
option(ML_EXECUTABLE_PIE "Build the multilingual executable position-independent" OFF)
# Whether every ml_dep links its archives into executables (the cli tests check it does).
set(ML_STATIC_DEPS_ACTIVE OFF)
if(ML_STATIC_DEPS AND NOT ML_NO_STARTUP_TUNING)
  set(ML_STATIC_DEPS_ACTIVE ON)
endif()

if(ML_STARTUP_LAYOUT AND NOT ML_NO_STARTUP_TUNING)
  find_program(ML_LLD NAMES ld.lld ld.lld-19)
  if(NOT ML_LLD)
    message(STATUS "ld.lld not found: the executable's start-up code is not gathered")
  else()
    file(STRINGS ${CMAKE_SOURCE_DIR}/cmake/startup_sections.txt ML_SECTIONED_SOURCES REGEX "^[^#]")
    list(TRANSFORM ML_SECTIONED_SOURCES PREPEND ${CMAKE_SOURCE_DIR}/)
    set_source_files_properties(${ML_SECTIONED_SOURCES} PROPERTIES COMPILE_OPTIONS -ffunction-sections)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/startup_sections.txt)
  endif()
endif()

# ml_dep(NAME SHARED_TARGET STATIC_FILE...): the interface target ml_dep_NAME, which links the
# static archives into executables and SHARED_TARGET into everything else (the component
# libraries, whose sources include its headers, are static libraries: they see SHARED_TARGET).
function(ml_dep name shared)
  set(archives)
  foreach(a ${ARGN})
    string(MAKE_C_IDENTIFIER "ML_ARCHIVE_${a}" var)
    find_library(${var} NAMES ${a})
    if(NOT ${var})
      set(archives)
      break()
    endif()
    list(APPEND archives ${${var}})
  endforeach()
  add_library(ml_dep_${name} INTERFACE)
  if(NOT ML_STATIC_DEPS_ACTIVE OR NOT archives)
    target_link_libraries(ml_dep_${name} INTERFACE ${shared})
    set(ML_STATIC_DEPS_ACTIVE OFF PARENT_SCOPE)
    return()
  endif()
  set(exe "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>")
  target_link_libraries(ml_dep_${name} INTERFACE "$<$<NOT:${exe}>:${shared}>")
  foreach(a ${archives})
    target_link_libraries(ml_dep_${name} INTERFACE "$<${exe}:${a}>")
  endforeach()
endfunction()

function(ml_startup_executable target)
  if(ML_NO_STARTUP_TUNING)
    return()
  endif()
  if(NOT ML_EXECUTABLE_PIE)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE OFF)
    target_link_options(${target} PRIVATE -no-pie)
  endif()
  if(ML_STARTUP_LAYOUT AND ML_LLD)
    # GCC finds the linker by the name ld.lld: a versioned one is reached through a link to it.
    get_filename_component(lld_name ${ML_LLD} NAME)
    if(NOT lld_name STREQUAL "ld.lld")
      file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/lld)
      file(CREATE_LINK ${ML_LLD} ${CMAKE_BINARY_DIR}/lld/ld.lld SYMBOLIC)
      target_link_options(${target} PRIVATE -B${CMAKE_BINARY_DIR}/lld/)
    endif()
    set(order ${CMAKE_SOURCE_DIR}/cmake/startup_order.txt)
    # Names the code no longer has are skipped without a word: the list only orders.
    target_link_options(${target} PRIVATE -fuse-ld=lld -Wl,--symbol-ordering-file=${order}
                        -Wl,--no-warn-symbol-ordering)
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${order})
  endif()
endfunction()
