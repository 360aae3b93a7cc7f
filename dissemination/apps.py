from django.apps import AppConfig


class DisseminationConfig(AppConfig):
    """The sitemap, robots.txt and page metadata (dissemination/__init__.py)."""

    name = "dissemination"
    default_auto_field = "django.db.models.BigAutoField"
