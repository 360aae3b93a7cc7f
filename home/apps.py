from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the site's frame: base templates, navigation, language switcher, hreflang."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import privacy  # noqa: F401 - mirrors view restrictions (the frame's freshness: pagecache/)
