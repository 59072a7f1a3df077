# awslint in the field (tests/field/): the settings file and suppression comments end to end
# (test_settings.py, on tests/e2e/e2e_util.py), and, below, the man page, the bash completion and
# the Debian package.
add_test(NAME field_settings
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/field/test_settings.py $<TARGET_FILE:awslint>)
set_tests_properties(field_settings PROPERTIES LABELS field TIMEOUT 300 ENVIRONMENT "LC_ALL=C.UTF-8")
