from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaFilesConfig(AppConfig):
    """Documents and images under partner approval: a file used by published or reviewed content cannot change, and
    only files that live public content uses are served to the public."""

    name = "mediafiles"
    verbose_name = _("Documents and images under partner approval")

    def ready(self):
        from mediafiles import guard

        guard.connect()
