# V8 10.2 from Debian's libnode108, unpacked by scripts/setup.sh into third_party/libnode.
# Never point at /usr/include/node: on machines with another Node.js those headers are a
# different V8 and the program crashes at run time.
set(ML_LIBNODE_ROOT "${CMAKE_SOURCE_DIR}/third_party/libnode" CACHE PATH "unpacked libnode108 + libnode-dev")
set(ML_V8_INCLUDE "${ML_LIBNODE_ROOT}/usr/include/node")
set(ML_V8_LIBDIR "${ML_LIBNODE_ROOT}/usr/lib/x86_64-linux-gnu")
if(NOT EXISTS "${ML_V8_INCLUDE}/v8.h" OR NOT EXISTS "${ML_V8_LIBDIR}/libnode.so.108")
  message(FATAL_ERROR "V8 from libnode108 not found under ${ML_LIBNODE_ROOT}: run scripts/setup.sh")
endif()
file(GLOB ML_ENGINE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/engine/*.cpp)
if(NOT ML_ENGINE_SOURCES)
  set(ML_ENGINE_SOURCES ${CMAKE_SOURCE_DIR}/cmake/empty.cpp)
endif()
add_library(mlengine STATIC ${ML_ENGINE_SOURCES})
target_include_directories(mlengine PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_include_directories(mlengine SYSTEM PRIVATE ${ML_V8_INCLUDE})
target_link_libraries(mlengine PUBLIC "${ML_V8_LIBDIR}/libnode.so.108" fmt::fmt pthread)
set_target_properties(mlengine PROPERTIES BUILD_RPATH "${ML_V8_LIBDIR}" INSTALL_RPATH "${ML_V8_LIBDIR}")
