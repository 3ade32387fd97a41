# V8 10.2 from Debian's libnode108, unpacked by scripts/setup.sh into third_party/libnode.
# Never point at /usr/include/node: on machines with another Node.js those headers are a
# different V8 and the program crashes at run time.
set(ML_LIBNODE_ROOT "${CMAKE_SOURCE_DIR}/third_party/libnode" CACHE PATH "unpacked libnode108 + libnode-dev")
set(ML_V8_INCLUDE "${ML_LIBNODE_ROOT}/usr/include/node")
set(ML_V8_LIBDIR "${ML_LIBNODE_ROOT}/usr/lib/x86_64-linux-gnu")
if(NOT EXISTS "${ML_V8_INCLUDE}/v8.h" OR NOT EXISTS "${ML_V8_LIBDIR}/libnode.so.108")
  message(FATAL_ERROR "V8 from libnode108 not found under ${ML_LIBNODE_ROOT}: run scripts/setup.sh")
endif()
# V8 lives in a plugin, libmlv8.so, that the program opens the first time it needs an engine
# (src/engine/loader.cpp): runs that never compile (the interpreter, --version) do not pay for
# loading and relocating libnode at start-up. -Bsymbolic: the plugin's own copies of the
# shared engine code (module_info.cpp, disk_cache.cpp) bind to themselves, not to the program's.
add_library(mlv8 SHARED ${CMAKE_SOURCE_DIR}/src/engine/v8_engine.cpp ${CMAKE_SOURCE_DIR}/src/engine/v8_workers.cpp
            ${CMAKE_SOURCE_DIR}/src/engine/module_info.cpp ${CMAKE_SOURCE_DIR}/src/engine/disk_cache.cpp
            ${CMAKE_SOURCE_DIR}/src/support/hash.cpp)
target_include_directories(mlv8 PRIVATE ${CMAKE_SOURCE_DIR}/src)
# libnode is built without RTTI: classes deriving from V8's (the serializer delegates that pass
# the shared memory to worker isolates) must not need the typeinfo of their V8 bases.
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/engine/v8_workers.cpp PROPERTIES COMPILE_OPTIONS -fno-rtti)
target_include_directories(mlv8 SYSTEM PRIVATE ${ML_V8_INCLUDE})
target_link_libraries(mlv8 PRIVATE "${ML_V8_LIBDIR}/libnode.so.108" fmt::fmt pthread)
target_link_options(mlv8 PRIVATE -Wl,-Bsymbolic)
# Installed, it looks beside itself first ($ORIGIN: the copy of libnode.so.108 that `cmake --install`
# puts in lib/multilingual, cmake/install.cmake), then where the system keeps libraries (the
# Debian package's libnode108). Nothing points into the build or source tree.
set_target_properties(mlv8 PROPERTIES BUILD_RPATH "${ML_V8_LIBDIR}" INSTALL_RPATH "\$ORIGIN")

add_library(mlengine STATIC ${CMAKE_SOURCE_DIR}/src/engine/loader.cpp ${CMAKE_SOURCE_DIR}/src/engine/module_info.cpp
  ${CMAKE_SOURCE_DIR}/src/engine/disk_cache.cpp)
target_include_directories(mlengine PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(mlengine PRIVATE ML_V8_PLUGIN="$<TARGET_FILE:mlv8>")
target_link_libraries(mlengine PUBLIC fmt::fmt pthread ${CMAKE_DL_LIBS})
add_dependencies(mlengine mlv8)
