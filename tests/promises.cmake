# The promises, end to end (tests/promises/): awslint is offline (no network system call under
# strace; identical output inside a network namespace without interfaces) and read-only (no file
# created, changed or removed in a copy of the fixtures and a fake HOME, for every subcommand; only
# the -o file is written). Each test says why and exits 77 (skipped) when strace / unshare cannot
# work in the sandbox. Debian packages: strace, util-linux (unshare).
# Python writes no __pycache__ into the source tree; the sanitizer build is ~3x slower.
set(_awslint_promises_env PYTHONDONTWRITEBYTECODE=1)
if(AWSLINT_SANITIZE)
  list(APPEND _awslint_promises_env AWSLINT_HOSTILE_TIME_SCALE=3)
endif()
foreach(t offline readonly)
  add_test(NAME promises_${t}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/promises/test_${t}.py
                   $<TARGET_FILE:awslint> ${PROJECT_SOURCE_DIR})
  set_tests_properties(promises_${t} PROPERTIES
                       SKIP_RETURN_CODE 77
                       LABELS promises
                       ENVIRONMENT "${_awslint_promises_env}"
                       TIMEOUT 1500)
endforeach()
