# Misread rules (AWS010-AWS017) end to end:
#   misread_clean:     testdata/clean (a realistic config + credentials) gives no finding from any rule
#   misread_realworld: every rule over the 201 files of shared/realworld (beside the clone) runs
#                      without a crash and no message carries a secret; skipped when it is absent
# The rules' own good/bad cases are fixtures under testdata/rules/AWS01x-*/ (tests/fixtures).
if(NOT DEFINED AWSLINT_REALWORLD_DIR)  # normally set by differential.cmake
  set(AWSLINT_REALWORLD_DIR "${PROJECT_SOURCE_DIR}/../shared/realworld")
endif()
set(_awslint_misread_dir ${CMAKE_CURRENT_SOURCE_DIR}/misread)
add_test(NAME misread_clean
         COMMAND ${Python3_EXECUTABLE} ${_awslint_misread_dir}/test_clean.py $<TARGET_FILE:awslint> ${PROJECT_SOURCE_DIR})
add_test(NAME misread_realworld
         COMMAND ${Python3_EXECUTABLE} ${_awslint_misread_dir}/realworld_findings.py --check
                 --awslint $<TARGET_FILE:awslint> --dir ${AWSLINT_REALWORLD_DIR})
set_tests_properties(misread_clean misread_realworld PROPERTIES
                     ENVIRONMENT "LC_ALL=C.UTF-8"
                     LABELS misread
                     TIMEOUT 300)
set_tests_properties(misread_realworld PROPERTIES SKIP_RETURN_CODE 77)
