# pre-commit (tests/precommit/): the hooks of .pre-commit-hooks.yaml run by Debian's pre-commit
# (apt-get install pre-commit) in a throwaway repository, offline, with the built awslint first on
# PATH: a bad config refuses the commit with awslint's findings, the fixed one goes through, and
# awslint-home passes quietly without ~/.aws and refuses a push with a bad one. Skipped (77)
# without pre-commit, except in CI.
add_test(NAME precommit_hooks
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/precommit/test_precommit.py
                 $<TARGET_FILE:awslint> ${PROJECT_SOURCE_DIR})
set_tests_properties(precommit_hooks PROPERTIES
                     SKIP_RETURN_CODE 77
                     LABELS "precommit;field"
                     TIMEOUT 300)
