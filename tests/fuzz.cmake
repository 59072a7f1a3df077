# Fuzz regressions and seed corpus, replayed by ctest in every build (release, sanitizer): each
# harness of tests/fuzz/ is linked with tests/fuzz/replay_main.cpp (no libFuzzer needed) and run once
# over every file of tests/fuzz/regressions/<harness>/ and tests/fuzz/corpus/<harness>/.
# The libFuzzer binaries themselves come from tests/fuzz/CMakeLists.txt (AWSLINT_FUZZ=ON).
set(_awslint_fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
foreach(harness lexer pipeline)
  add_executable(fuzz_${harness}_replay ${_awslint_fuzz_dir}/fuzz_${harness}.cpp ${_awslint_fuzz_dir}/replay_main.cpp)
  target_link_libraries(fuzz_${harness}_replay PRIVATE awslint_core)
  target_include_directories(fuzz_${harness}_replay PRIVATE ${CMAKE_CURRENT_LIST_DIR}/common)
  add_test(NAME fuzz_regressions_${harness}
           COMMAND fuzz_${harness}_replay ${_awslint_fuzz_dir}/regressions/${harness})
  add_test(NAME fuzz_corpus_${harness}
           COMMAND fuzz_${harness}_replay ${_awslint_fuzz_dir}/corpus/${harness})
  set_tests_properties(fuzz_regressions_${harness} fuzz_corpus_${harness} PROPERTIES
                       LABELS fuzz TIMEOUT 300)
endforeach()
