"""Settings for a developer's machine (`make run`): debug on, a throwaway key, mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["*"]
# `make run`'s demo logins sign in with a password alone unless PORTAL_REQUIRE_2FA=true (security/two_factor/).
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)  # noqa: F405
# Pages are rendered afresh, so a template edit shows at once; `make serve` runs the page cache as production does.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
