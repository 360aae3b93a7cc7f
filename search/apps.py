from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Public search: per-language indexing, the query view, suggestions and the engines."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signals  # noqa: F401 - connects the indexing handlers
