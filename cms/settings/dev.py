"""Settings for a developer's machine (`make run`): debug on, a throwaway key, mail to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["*"]
# `make run`'s demo logins sign in with a password alone unless PORTAL_REQUIRE_2FA=true (security/two_factor/).
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)  # noqa: F405
