# Rule fixtures: one ctest test per testdata/rules/<ID>-<name> directory (fixtures_AWS301, ...),
# run by tests/fixtures/run_fixtures.py (expectations are CHECK comments in the fixture files),
# and the catalog test (metadata_catalog: ids, names, docs, fixtures, README table).
set(_awslint_fixture_runner ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/run_fixtures.py)
file(GLOB _awslint_rule_dirs LIST_DIRECTORIES true CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/testdata/rules/*)
foreach(_dir ${_awslint_rule_dirs})
  if(NOT IS_DIRECTORY ${_dir})
    continue()
  endif()
  get_filename_component(_name ${_dir} NAME)
  string(REGEX MATCH "^[A-Z]+[0-9]+" _id "${_name}")
  if(_id STREQUAL "")
    continue()
  endif()
  add_test(NAME fixtures_${_id}
           COMMAND ${Python3_EXECUTABLE} ${_awslint_fixture_runner} --awslint $<TARGET_FILE:awslint> ${_dir})
  set_tests_properties(fixtures_${_id} PROPERTIES LABELS fixtures ENVIRONMENT "LC_ALL=C.UTF-8" TIMEOUT 120)
endforeach()

add_test(NAME metadata_catalog
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/metadata.py
                 --awslint $<TARGET_FILE:awslint> --source-dir ${PROJECT_SOURCE_DIR})
set_tests_properties(metadata_catalog PROPERTIES LABELS fixtures ENVIRONMENT "LC_ALL=C.UTF-8" TIMEOUT 60)
