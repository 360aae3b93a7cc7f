from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    """The 12 regional councils as contributors: each works on its own region's content only."""

    name = "councils"
    verbose_name = _("Regional councils")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from councils import signals

        signals.connect()
