from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The content model: tools, guides, experiences, recommendations, benchmarks, regions and their taxonomies."""

    name = "toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from toolkit import adoption_history

        adoption_history.connect()
