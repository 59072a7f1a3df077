# Hostile input, end to end (tests/hostile/test_*.py): missing, directory, FIFO, devices, over the
# size cap, unreadable, symlink loops, binary, NUL, invalid UTF-8, 1 MB lines, 100,000 sections,
# junk env files, terminal escapes, bad command lines. Each runs awslint (its path is the argument)
# with a 2 s limit per run, so a hang fails instead of blocking. Exit 77: skipped (says why).
# Python writes no __pycache__ into the source tree. The limits catch hangs, not slowness (that is
# the benchmark's job): the sanitizer build (ASan + UBSan at -O1, with libFuzzer's coverage
# instrumentation in scripts/test.sh) is 5-10x slower on the 200,000-finding reports.
set(_awslint_hostile_env PYTHONDONTWRITEBYTECODE=1)
if(AWSLINT_SANITIZE)
  list(APPEND _awslint_hostile_env AWSLINT_HOSTILE_TIME_SCALE=10)
endif()
file(GLOB _awslint_hostile_tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/hostile/test_*.py)
foreach(t ${_awslint_hostile_tests})
  get_filename_component(_name ${t} NAME_WE)
  string(REGEX REPLACE "^test_" "" _name ${_name})
  add_test(NAME hostile_${_name} COMMAND ${Python3_EXECUTABLE} ${t} $<TARGET_FILE:awslint>)
  set_tests_properties(hostile_${_name} PROPERTIES
                       SKIP_RETURN_CODE 77
                       LABELS hostile
                       ENVIRONMENT "${_awslint_hostile_env}"
                       TIMEOUT 300)
endforeach()
