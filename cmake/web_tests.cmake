# The playground's tests (tests/web): the wasm32 build run in Node on every corpus program, and
# the page driven in headless Chromium. Building for the web takes far longer than the main
# build (scripts/build-web.sh), so the main build does not do it; these tests are registered
# only when that build exists, and configuring says so when it does not.
set(ML_WEB_DIST "${CMAKE_SOURCE_DIR}/web/playground/dist")
set(ML_WEB_PUPPETEER "${CMAKE_SOURCE_DIR}/build-web/npm/node_modules/puppeteer-core")
find_program(ML_NODE node)
if(ML_NODE AND EXISTS "${ML_WEB_DIST}/playground.wasm")
  add_test(NAME web_corpus_node
           COMMAND ${ML_NODE} ${CMAKE_SOURCE_DIR}/tests/web/corpus_node.mjs ${ML_WEB_DIST} $<TARGET_FILE:multilingual>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(web_corpus_node PROPERTIES TIMEOUT 600)
  if(EXISTS "${ML_WEB_PUPPETEER}" AND EXISTS /usr/bin/chromium)
    add_test(NAME web_playground_chromium
             COMMAND ${ML_NODE} --test ${CMAKE_SOURCE_DIR}/tests/web/playground_test.mjs
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(web_playground_chromium PROPERTIES TIMEOUT 900
      ENVIRONMENT "ML_BINARY=$<TARGET_FILE:multilingual>;ML_PUPPETEER=${ML_WEB_PUPPETEER}")
  else()
    message(STATUS "tests/web: the page's Chromium tests are NOT registered (no puppeteer-core in build-web/npm or no /usr/bin/chromium)")
  endif()
else()
  message(STATUS "tests/web: NOT registered: the web build does not exist (run scripts/build-web.sh, then configure again)")
endif()
