# End-to-end tests (tests/e2e/test_*.py): run the awslint binary as a user would, in a controlled
# environment (no AWS_* variables from the caller, HOME in a temporary directory), and check exit
# codes, output formats, inputs, subcommands, ordering and that no secret is ever printed.
# One ctest per script: e2e_<name> (python3 tests/e2e/test_<name>.py $<TARGET_FILE:awslint>).
file(GLOB AWSLINT_E2E_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_*.py)
foreach(script ${AWSLINT_E2E_SCRIPTS})
  get_filename_component(name ${script} NAME_WE)
  string(REGEX REPLACE "^test_" "" name ${name})
  add_test(NAME e2e_${name} COMMAND ${Python3_EXECUTABLE} ${script} $<TARGET_FILE:awslint>)
  set_tests_properties(e2e_${name} PROPERTIES LABELS e2e TIMEOUT 300 ENVIRONMENT "LC_ALL=C.UTF-8")
endforeach()
