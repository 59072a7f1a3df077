#!/usr/bin/python3
"""The oracle: what AWS CLI v2 (Debian awscli 2.9.19, its bundled botocore) reads from a config
file and a credentials file.

    /usr/bin/python3 oracle.py CONFIG CREDENTIALS      (either path may be missing)

prints
    {"config": {"profiles": {...}, "sso_sessions": {...}, "services": {...}} | {"error": MSG},
     "credentials": {"profiles": {...}} | {"error": MSG}}

The config side is botocore.configloader.load_config (the profile map the CLI builds), the
credentials side raw_config_parse (every section is a profile, verbatim). A path that is not a
regular file is an empty model, as in the CLI. Import it (`import oracle; oracle.read(cfg, creds)`)
to avoid one interpreter start per file pair.

It must run on the Debian interpreter (/usr/bin/python3) so that it imports awscli's bundled
botocore, and with a UTF-8 locale (the file is decoded with the locale's encoding, as the CLI does);
both are checked on import.
"""
import json
import locale
import os
import shlex
import sys

AWSCLI_VERSION = "2.9.19"
DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages"


def _import_bundled_botocore():
    # awscli/__init__.py installs a meta-path finder that resolves the top-level name `botocore` to
    # awscli/botocore (the copy the CLI v2 ships). A botocore imported before awscli, or one found
    # first on sys.path, would be a different (pip) botocore: refuse both.
    if "botocore" in sys.modules and "awscli" not in sys.modules:
        raise ImportError("a non-bundled botocore is already imported: %s" % sys.modules["botocore"].__file__)
    if DEBIAN_DIST_PACKAGES not in sys.path:
        sys.path.append(DEBIAN_DIST_PACKAGES)
    import awscli
    import botocore.configloader
    import botocore.exceptions
    bundled = os.path.join(os.path.dirname(os.path.abspath(awscli.__file__)), "botocore")
    actual = os.path.dirname(os.path.abspath(botocore.configloader.__file__))
    if awscli.__version__ != AWSCLI_VERSION or actual != bundled:
        raise ImportError("expected awscli %s with its bundled botocore, got awscli %s (%s), botocore at %s"
                          % (AWSCLI_VERSION, awscli.__version__, awscli.__file__, actual))
    return botocore.configloader, botocore.exceptions


configloader, exceptions = _import_bundled_botocore()

if locale.getpreferredencoding(False).lower().replace("-", "") != "utf8":
    raise RuntimeError("the oracle needs a UTF-8 locale (run with LC_ALL=C.UTF-8), got %s"
                       % locale.getpreferredencoding(False))


def _error(exc):
    """ "ConfigParseError: Unable to parse config file: P (DuplicateSectionError: ...)"."""
    msg = "%s: %s" % (type(exc).__name__, exc)
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        msg += " (%s: %s)" % (type(cause).__name__, cause)
    return {"error": msg}


def _split_named(prefix, parsed, into):
    """botocore's rule for [profile x] / [sso-session x], applied to load_config's leftovers."""
    for key, values in parsed.items():
        if not key.startswith(prefix):
            continue
        try:
            parts = shlex.split(key)
        except ValueError:
            continue
        if len(parts) == 2:
            into[parts[1]] = values


def read_config(path):
    if path is None or not os.path.isfile(path):
        return {"profiles": {}, "sso_sessions": {}, "services": {}}
    try:
        loaded = configloader.load_config(path)
    except exceptions.ConfigNotFound:
        return {"profiles": {}, "sso_sessions": {}, "services": {}}
    except Exception as exc:  # ConfigParseError, or anything else parsing raises
        return _error(exc)
    services = {}
    leftovers = {k: v for k, v in loaded.items() if k not in ("profiles", "sso_sessions")}
    _split_named("services", leftovers, services)
    return {"profiles": loaded["profiles"], "sso_sessions": loaded["sso_sessions"], "services": services}


def read_credentials(path):
    if path is None or not os.path.isfile(path):
        return {"profiles": {}}
    try:
        return {"profiles": configloader.raw_config_parse(path)}
    except exceptions.ConfigNotFound:
        return {"profiles": {}}
    except Exception as exc:
        return _error(exc)


def read(config_path, credentials_path):
    return {"config": read_config(config_path), "credentials": read_credentials(credentials_path)}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: oracle.py CONFIG CREDENTIALS\n")
        return 2
    json.dump(read(argv[1], argv[2]), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
