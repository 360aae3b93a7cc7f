from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """The public proposal form: experiences and tools proposed by councils and partners without an account."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from proposals import publication

        publication.connect()
