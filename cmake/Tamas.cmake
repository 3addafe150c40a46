# Shared helpers for tamas CMake files.

# Adds every immediate subdirectory of the current source dir that has a
# CMakeLists.txt. Lets each layer and test folder own its own build file.
function(tamas_add_subdirectories)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child ${children})
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${child} AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
      add_subdirectory(${child})
    endif()
  endforeach()
endfunction()

# tamas_add_test(NAME name SOURCES a.cc b.cc LIBS lib1 lib2 [LABELS l])
# Builds a GoogleTest executable and registers its tests with ctest.
function(tamas_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${T_NAME} PRIVATE TAMAS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                               TAMAS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  # Tests with real SIP peers (label voice) run one at a time: sipp and
  # baresip under a sanitizer are timing-sensitive when two calls overlap.
  set(T_LOCK "")
  if("voice" IN_LIST T_LABELS)
    set(T_LOCK RESOURCE_LOCK sip_peers)
  endif()
  gtest_discover_tests(${T_NAME} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       PROPERTIES LABELS "${T_LABELS}" ${T_LOCK} DISCOVERY_TIMEOUT 60)
endfunction()
