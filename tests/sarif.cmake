# SARIF validation (tests/sarif/): awslint's SARIF for every fixture under testdata/, and the golden
# SARIF files, against the SARIF 2.1.0 schema (ajv) and the SARIF multitool's SARIF and GitHub
# rules. The tools come from npm: `npm ci --prefix tests/sarif`. Without them the test is skipped,
# except in CI (CI set), where it fails.
add_test(NAME sarif_fixtures
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sarif/run_fixtures.sh $<TARGET_FILE:awslint> ${PROJECT_SOURCE_DIR})
set_tests_properties(sarif_fixtures PROPERTIES
                     SKIP_RETURN_CODE 77
                     LABELS sarif
                     TIMEOUT 600)
