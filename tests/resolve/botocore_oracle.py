#!/usr/bin/python3
"""What botocore's session answers for the environment it runs in, without any network call:

    /usr/bin/python3 botocore_oracle.py v2 [--profile NAME]    AWS CLI v2 (Debian awscli 2.9.19's
                                                               bundled botocore)
    PYTHON botocore_oracle.py v1 [--profile NAME]              boto3 / AWS CLI v1 (a botocore 1.x
                                                               importable by PYTHON)
prints
    {"botocore": VERSION, "profile": NAME | null, "region": VALUE | null,
     "method": "shared-credentials-file" | ... | null, "error": {"type": CLASS, "message": MSG} | null}

`method` is `Credentials.method`, the name `aws configure list` prints as the type. The providers
that call a service (assume-role, web identity, SSO) return deferred credentials whose method is
known before any call; the oracle reads the keys only of environment credentials (whose expiry
check happens then), and of credential_process ones (a local command). Errors are the exception's
class and message, as botocore raises them: `--profile` is passed as Session(profile=NAME), the
same instance variable the CLI's --profile sets.
"""
import json
import os
import sys

DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"
AWSCLI_VERSION = "2.9.19"


def import_botocore(flavour):
    if flavour == "v2":
        if DEBIAN_DIST_PACKAGES not in sys.path:
            sys.path.append(DEBIAN_DIST_PACKAGES)
        import awscli  # installs the finder that maps `botocore` to awscli/botocore
        import botocore.session
        bundled = os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), "botocore")
        if awscli.__version__ != AWSCLI_VERSION or os.path.dirname(os.path.abspath(botocore.session.__file__)) != bundled:
            raise SystemExit("expected awscli %s with its bundled botocore" % AWSCLI_VERSION)
        return botocore, awscli.__version__
    import botocore
    import botocore.session
    if not botocore.__version__.startswith("1."):
        raise SystemExit("expected botocore 1.x, got %s" % botocore.__version__)
    return botocore, botocore.__version__


def main():
    flavour = sys.argv[1]
    profile = None
    if len(sys.argv) >= 4 and sys.argv[2] == "--profile":
        profile = sys.argv[3]
    botocore, version = import_botocore(flavour)
    out = {"botocore": version, "profile": None, "region": None, "method": None, "error": None}
    session = botocore.session.Session(profile=profile) if profile is not None else botocore.session.Session()
    try:
        name = session.get_config_variable("profile")
        out["profile"] = "default" if name is None else name  # AWS_PROFILE="" selects ''
        out["region"] = session.get_config_variable("region")
        creds = session.get_credentials()
        if creds is not None:
            out["method"] = creds.method
            if creds.method in ("env", "custom-process"):
                creds.get_frozen_credentials()
    except Exception as e:  # what the CLI would print
        out["error"] = {"type": type(e).__name__, "message": str(e)}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
