# Differential tests: awslint must read config/credentials files exactly as the AWS CLI v2 does.
# The oracle is Debian's awscli 2.9.19 (its bundled botocore), so these run with the Debian
# interpreter /usr/bin/python3 (apt-get install awscli), in a UTF-8 locale.
#   differential_generated: 2000 seeded generated pairs + tests/differential/cases/* vs the oracle
#   differential_realworld: the 201 files of shared/realworld (beside the clone) vs their
#                           expected.botocore.json; skipped when that directory is absent
set(AWSLINT_DIFF_PYTHON /usr/bin/python3 CACHE FILEPATH "Python that imports Debian's awscli (the oracle)")
set(AWSLINT_DIFF_COUNT 2000 CACHE STRING "Generated pairs in differential_generated")
set(AWSLINT_DIFF_SEED 1 CACHE STRING "Seed of the generated pairs in differential_generated")
set(AWSLINT_REALWORLD_DIR "${PROJECT_SOURCE_DIR}/../shared/realworld" CACHE PATH
    "The real-world corpus (shared/realworld)")

set(_awslint_diff_dir ${CMAKE_CURRENT_SOURCE_DIR}/differential)

add_test(NAME differential_generated
         COMMAND ${AWSLINT_DIFF_PYTHON} ${_awslint_diff_dir}/run_diff.py
                 --awslint $<TARGET_FILE:awslint>
                 --seed ${AWSLINT_DIFF_SEED} --count ${AWSLINT_DIFF_COUNT} --jobs 2)
add_test(NAME differential_realworld
         COMMAND ${AWSLINT_DIFF_PYTHON} ${_awslint_diff_dir}/realworld.py
                 --awslint $<TARGET_FILE:awslint> --dir ${AWSLINT_REALWORLD_DIR} --jobs 2)
set_tests_properties(differential_generated differential_realworld PROPERTIES
                     ENVIRONMENT "LC_ALL=C.UTF-8"
                     LABELS differential
                     TIMEOUT 300)
set_tests_properties(differential_realworld PROPERTIES SKIP_RETURN_CODE 77)
