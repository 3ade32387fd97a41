# The embedding API and the CPython package, built from the component libraries.
#
#   include/multilingual/*.h  the public C++ API (no V8 or interpreter types in it)
#   src/embed/                its implementation; program_host.cpp is the one file that knows the
#                             program runner (tiering::Runner)
#   libmultilingual.so        multilingual::runtime: src/embed plus every component it needs,
#                             exporting only the multilingual:: API (cmake/multilingual.map)
#   src/python/, python/      the CPython package multilingualprogramming, assembled in
#                             ${CMAKE_BINARY_DIR}/python (tests put it on PYTHONPATH)

# support/install_layout.cpp finds the data files; the build tree's are its last resort.
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/support/install_layout.cpp PROPERTIES COMPILE_DEFINITIONS
  "ML_LIB_DIR=\"${ML_LIB_DIR}\";ML_KERNELS_BUILD_DIR=\"${CMAKE_BINARY_DIR}/kernels\";ML_V8_PLUGIN_BUILT=\"${CMAKE_BINARY_DIR}/libmlv8.so\"")
target_link_libraries(mlengine PUBLIC mlsupport)  # the engine loader asks install_layout for the plugin

ml_component(mlembed DIRS embed DEPS mltiering)
target_include_directories(mlembed PUBLIC ${CMAKE_SOURCE_DIR}/include)

add_library(mlruntime_shared SHARED ${CMAKE_SOURCE_DIR}/cmake/empty.cpp)
set_target_properties(mlruntime_shared PROPERTIES OUTPUT_NAME multilingual VERSION ${PROJECT_VERSION} SOVERSION 0)
target_link_libraries(mlruntime_shared PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,mlembed>")
target_link_options(mlruntime_shared PRIVATE -Wl,--version-script=${CMAKE_SOURCE_DIR}/cmake/multilingual.map)
set_property(TARGET mlruntime_shared APPEND PROPERTY LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/multilingual.map)
target_include_directories(mlruntime_shared INTERFACE
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
add_library(multilingual::runtime ALIAS mlruntime_shared)
if(TARGET ml_kernels_wasm)
  add_dependencies(mlruntime_shared ml_kernels_wasm)
endif()

# tests/embed/*_test.cpp build as ml_embed_tests (the generic loop), linking multilingual::runtime alone.

# The CPython package, for Debian's python3 (whose pybind11 and numpy the set-up script installs).
option(ML_PYTHON "Build the CPython package multilingualprogramming" ON)
if(ML_PYTHON)
  if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3)
  endif()
  find_package(Python3 COMPONENTS Interpreter Development.Module)
  find_package(pybind11 CONFIG)
  if(NOT Python3_FOUND OR NOT pybind11_FOUND)
    message(WARNING "python3-dev or pybind11-dev missing: the Python package is not built (scripts/setup.sh installs them)")
    set(ML_PYTHON OFF)
  endif()
endif()
if(ML_PYTHON)
  set(ML_PY_OUT ${CMAKE_BINARY_DIR}/python)
  file(GLOB ML_PY_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/python/*.cpp)
  pybind11_add_module(ml_python_native MODULE ${ML_PY_SOURCES})
  target_link_libraries(ml_python_native PRIVATE mlembed)
  target_link_options(ml_python_native PRIVATE -Wl,--exclude-libs,ALL)
  set_target_properties(ml_python_native PROPERTIES OUTPUT_NAME _native
    LIBRARY_OUTPUT_DIRECTORY ${ML_PY_OUT}/multilingualprogramming)
  # The package's Python files, copied next to the extension module at every build.
  file(GLOB_RECURSE ML_PY_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/python/multilingualprogramming/*.py)
  set(ML_PY_COPIED)
  foreach(f ${ML_PY_FILES})
    file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/python ${f})
    add_custom_command(OUTPUT ${ML_PY_OUT}/${rel} COMMAND ${CMAKE_COMMAND} -E copy ${f} ${ML_PY_OUT}/${rel}
                       DEPENDS ${f} VERBATIM)
    list(APPEND ML_PY_COPIED ${ML_PY_OUT}/${rel})
  endforeach()
  add_custom_target(ml_python ALL DEPENDS ml_python_native ${ML_PY_COPIED})
  if(TARGET ml_kernels_wasm)
    add_dependencies(ml_python ml_kernels_wasm)
  endif()
  # pytest from Debian, on the package as built; the tests run in a scratch folder so that
  # pyproject.toml files they write are theirs.
  add_test(NAME python_package
    COMMAND ${Python3_EXECUTABLE} -m pytest -q -p no:cacheprovider ${CMAKE_SOURCE_DIR}/python/tests)
  set_tests_properties(python_package PROPERTIES TIMEOUT 900
    ENVIRONMENT "PYTHONPATH=${ML_PY_OUT};ML_SOURCE_DIR=${CMAKE_SOURCE_DIR};LD_PRELOAD=${ML_HOST_PRELOAD}")
endif()
