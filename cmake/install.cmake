# Installing and packaging: `cmake --install build --prefix P` gives a tree that can be moved
# (support/install_layout.h finds everything relative to the binary or library):
#   P/bin/multilingual
#   P/lib/libmultilingual.so*                  multilingual::runtime (the embedding API)
#   P/lib/multilingual/libmlv8.so              the WebAssembly engine plugin (V8 from libnode108)
#   P/lib/multilingual/libnode.so.108          V8 (libnode108's), found by the plugin's $ORIGIN RUNPATH
#   P/lib/python3/dist-packages/multilingualprogramming   the Python package
#   P/include/multilingual/*.h
#   P/lib/cmake/multilingual/                  find_package(multilingual)
#   P/share/multilingual/{languages,kernels,stdlib,web}
#   P/share/man/man1/multilingual*.1.gz        the manual (`multilingual man` writes it)
# and `cpack -G DEB` (in the build folder) the Debian package of the same tree under /usr;
# `cmake --build build --target ml_wheel` a wheel of the Python package (python/make_wheel.py).
include(CMakePackageConfigHelpers)
set(ML_INSTALL_SHARE ${CMAKE_INSTALL_DATADIR}/multilingual)

install(TARGETS multilingual RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The man pages, written by the tool itself from the same declarations as its --help.
set(ML_MAN_DIR ${CMAKE_BINARY_DIR}/man)
add_custom_command(OUTPUT ${ML_MAN_DIR}/multilingual.1.gz
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${ML_MAN_DIR}
  COMMAND $<TARGET_FILE:multilingual> man --output-dir ${ML_MAN_DIR}
  COMMAND sh -c "gzip -9nf '${ML_MAN_DIR}'/*.1"
  DEPENDS multilingual VERBATIM)
add_custom_target(ml_man ALL DEPENDS ${ML_MAN_DIR}/multilingual.1.gz)
install(DIRECTORY ${ML_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1.gz")
# lib/multilingual whatever CMAKE_INSTALL_LIBDIR is: install_layout.cpp looks for it beside share/
install(TARGETS mlv8 LIBRARY DESTINATION lib/multilingual)
# ...with V8 itself beside it (component libnode), so that an installed tree runs on machines where
# Debian's libnode108 cannot be installed (another Node.js holds its place) and keeps running
# when moved. The Debian package leaves it out and depends on libnode108 instead (below).
install(FILES ${ML_V8_LIBDIR}/libnode.so.108 DESTINATION lib/multilingual COMPONENT libnode)
set_target_properties(mlruntime_shared PROPERTIES EXPORT_NAME runtime)
install(TARGETS mlruntime_shared EXPORT multilingualTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Unspecified)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/multilingual DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY ${CMAKE_SOURCE_DIR}/languages/ DESTINATION ${ML_INSTALL_SHARE}/languages FILES_MATCHING PATTERN "*.toml")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/stdlib/ DESTINATION ${ML_INSTALL_SHARE}/stdlib
        FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/ DESTINATION ${ML_INSTALL_SHARE}/web)
if(TARGET ml_kernels_wasm)
  foreach(v simd scalar)
    install(FILES ${ML_KERNELS_OUT_DIR}/kernels_${v}.wasm ${ML_KERNELS_OUT_DIR}/kernels_${v}.wasm.sha256
            DESTINATION ${ML_INSTALL_SHARE}/kernels)
  endforeach()
endif()

# The Python package, where Debian's python3 looks under /usr (PYTHONPATH=P/lib/python3/dist-packages
# for another prefix); its extension module finds the data four folders up.
if(ML_PYTHON)
  install(DIRECTORY ${ML_PY_OUT}/multilingualprogramming DESTINATION lib/python3/dist-packages
          PATTERN "__pycache__" EXCLUDE)
endif()

set(ML_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/multilingual)
install(EXPORT multilingualTargets NAMESPACE multilingual:: DESTINATION ${ML_CMAKE_DIR})
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/multilingualConfig.cmake.in
  ${CMAKE_BINARY_DIR}/multilingualConfig.cmake INSTALL_DESTINATION ${ML_CMAKE_DIR}
  PATH_VARS ML_INSTALL_SHARE)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/multilingualConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/multilingualConfig.cmake ${CMAKE_BINARY_DIR}/multilingualConfigVersion.cmake
        DESTINATION ${ML_CMAKE_DIR})

# The installed tree, moved to another folder, run from a third: two languages, the WebAssembly
# kernels, doctor's account of where things came from, and examples/embed built against it.
add_test(NAME install_relocatable
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/install_test.sh ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
set_tests_properties(install_relocatable PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "ML_HOST_PRELOAD=${ML_HOST_PRELOAD}")

# `apt install ./multilingual_*.deb` on a clean Debian 12 made with debootstrap, the tool and the
# Python package run there. Needs root, the network and minutes: registered only when asked,
#   cmake -B build -DML_TEST_CLEAN_INSTALL=ON && (cd build && ctest -L clean-install)
option(ML_TEST_CLEAN_INSTALL "Register the clean Debian 12 install test (root, network)" OFF)
if(ML_TEST_CLEAN_INSTALL)
  add_test(NAME debian_clean_install COMMAND bash -c
    "rm -rf pkg && cpack -G DEB -B pkg >/dev/null && bash '${CMAKE_SOURCE_DIR}/scripts/deb_clean_install.sh' pkg/multilingual_*.deb")
  set_tests_properties(debian_clean_install PROPERTIES LABELS clean-install TIMEOUT 1800 RUN_SERIAL TRUE)
endif()

# The Python package as a wheel from the installed tree, installed offline with pip into a venv.
if(ML_PYTHON)
  add_custom_target(ml_wheel
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${CMAKE_BINARY_DIR}/wheel-stage
    COMMAND ${CMAKE_COMMAND} --install ${CMAKE_BINARY_DIR} --prefix ${CMAKE_BINARY_DIR}/wheel-stage --strip
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/python/make_wheel.py ${CMAKE_BINARY_DIR}/wheel-stage
            ${CMAKE_BINARY_DIR}/dist ${PROJECT_VERSION}
    COMMENT "Wheel of the Python package in ${CMAKE_BINARY_DIR}/dist" VERBATIM)
  add_test(NAME python_wheel COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/wheel_test.sh ${CMAKE_BINARY_DIR}
           ${CMAKE_SOURCE_DIR} ${PROJECT_VERSION} ${Python3_EXECUTABLE})
  set_tests_properties(python_wheel PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE ENVIRONMENT "ML_HOST_PRELOAD=${ML_HOST_PRELOAD}")
endif()

# Debian package: `cd build && cpack -G DEB`. The shared-library dependencies are computed by
# dpkg-shlibdeps from what the binaries link; libnode108 (which the engine plugin loads, and
# which the build takes from third_party/libnode, not from an installed package) is named.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME multilingual)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "A Python-like programming language written in 17 human languages")
set(CPACK_PACKAGE_CONTACT "multilingual maintainers <multilingual@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${ML_V8_LIBDIR})
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libnode108")
# The Python package's extension is built for this python3 (its ABI): Debian's python3 of the
# same minor version is recommended (installed by default with apt), numpy suggested.
if(ML_PYTHON)
  math(EXPR ML_PY_NEXT_MINOR "${Python3_VERSION_MINOR} + 1")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
      "python3 (>= ${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}~), python3 (<< ${Python3_VERSION_MAJOR}.${ML_PY_NEXT_MINOR})")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-numpy")
endif()
# Every component but the bundled libnode.so.108 (libnode108 is a dependency instead).
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};multilingual;Unspecified;/")
set(CPACK_STRIP_FILES TRUE)
include(CPack)

# The package built, its Depends and files checked, unpacked (dpkg -x) and run.
add_test(NAME debian_package COMMAND bash ${CMAKE_SOURCE_DIR}/tests/install/deb_test.sh ${CMAKE_BINARY_DIR} ${ML_V8_LIBDIR})
set_tests_properties(debian_package PROPERTIES TIMEOUT 1200 RUN_SERIAL TRUE
  ENVIRONMENT "ML_HOST_PRELOAD=${ML_HOST_PRELOAD}")
