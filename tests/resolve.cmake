# resolve_cli: `awslint resolve --format json` on every case of testdata/resolve/ against two
# references, which must agree on the profile, the region and the credential type, or on the error:
#  - the real `aws configure list` (Debian's awscli 2.9.19, /usr/bin/aws, from
#    scripts/apt-packages.txt), for the offline cases: HOME in a temporary directory, the case's
#    files, AWS_EC2_METADATA_DISABLED=true, no proxy, a timeout;
#  - that CLI's own botocore session (tests/resolve/botocore_oracle.py, no network call), for every
#    case: the credentials' method and the exception class, so assume-role, SSO and web identity
#    are covered too.
# Skipped (77) when /usr/bin/aws is missing. AWSLINT_RESOLVE_BOTO3_PYTHON: an interpreter with
# botocore 1.x, to check awslint's boto3 / CLI v1 view as well (off by default).
set(AWSLINT_RESOLVE_AWS /usr/bin/aws CACHE FILEPATH "AWS CLI v2 that resolve_cli compares with")
set(AWSLINT_RESOLVE_ORACLE_PYTHON /usr/bin/python3 CACHE FILEPATH "Python that imports Debian's awscli")
set(AWSLINT_RESOLVE_BOTO3_PYTHON "" CACHE FILEPATH "Python with botocore 1.x (empty: not checked)")
add_test(NAME resolve_cli
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/resolve/compare_cli.py
                 --awslint $<TARGET_FILE:awslint> --aws ${AWSLINT_RESOLVE_AWS}
                 --cases ${PROJECT_SOURCE_DIR}/testdata/resolve --jobs 4
                 --oracle-python ${AWSLINT_RESOLVE_ORACLE_PYTHON}
                 "--boto3-python=${AWSLINT_RESOLVE_BOTO3_PYTHON}")
set_tests_properties(resolve_cli PROPERTIES
                     ENVIRONMENT "LC_ALL=C.UTF-8"
                     LABELS "resolve;differential"
                     SKIP_RETURN_CODE 77
                     TIMEOUT 1200)
