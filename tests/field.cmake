# awslint in the field (tests/field/): the settings file and suppression comments end to end
# (test_settings.py, on tests/e2e/e2e_util.py), and, below, the man page, the bash completion and
# the Debian package.
add_test(NAME field_settings
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/field/test_settings.py $<TARGET_FILE:awslint>)
set_tests_properties(field_settings PROPERTIES LABELS field TIMEOUT 300 ENVIRONMENT "LC_ALL=C.UTF-8")

# The man page and the bash completion against the binary's --help and rule list.
add_test(NAME field_man_completion
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/field/test_man.py $<TARGET_FILE:awslint>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(field_man_completion PROPERTIES LABELS field TIMEOUT 300 ENVIRONMENT "LC_ALL=C.UTF-8")

# The Debian package: cpack -G DEB from this build tree, dpkg-deb -c, Depends, install into a
# throwaway root (dpkg --root), awslint --version from there. Needs the build done (the man page
# is a build product). Skipped (77) without dpkg, except in CI.
add_test(NAME field_package
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/field/test_package.py ${CMAKE_CPACK_COMMAND}
                 ${PROJECT_BINARY_DIR}/CPackConfig.cmake ${PROJECT_VERSION} $<IF:$<BOOL:${AWSLINT_STATIC}>,static,shared>)
set_tests_properties(field_package PROPERTIES LABELS field SKIP_RETURN_CODE 77 TIMEOUT 600 RUN_SERIAL TRUE)
