from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Accounts facing the internet: login throttling, the client's address behind a proxy, the security log."""

    name = "security"
    verbose_name = _("Security")

    def ready(self):
        from security import audit  # noqa: F401  (connects the security log's receivers)
