# `awslint resolve` against the real `aws configure list` (Debian's awscli 2.9.19, /usr/bin/aws,
# installed from scripts/apt-packages.txt): every case of testdata/resolve/ must agree on the
# profile, the region and the credential type, or on the error. Offline cases only; the CLI runs
# with HOME in a temporary directory, the case's files, AWS_EC2_METADATA_DISABLED=true and a
# timeout. Skipped (77) when /usr/bin/aws is missing.
set(AWSLINT_RESOLVE_AWS /usr/bin/aws CACHE FILEPATH "AWS CLI v2 that resolve_cli compares with")
add_test(NAME resolve_cli
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/resolve/compare_cli.py
                 --awslint $<TARGET_FILE:awslint> --aws ${AWSLINT_RESOLVE_AWS}
                 --cases ${PROJECT_SOURCE_DIR}/testdata/resolve --jobs 4)
set_tests_properties(resolve_cli PROPERTIES
                     ENVIRONMENT "LC_ALL=C.UTF-8"
                     LABELS "resolve;differential"
                     SKIP_RETURN_CODE 77
                     TIMEOUT 1200)
