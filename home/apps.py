from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the site's frame: base templates, navigation, language switcher, hreflang."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import signals  # clears the cached site frame on publication

        signals.connect_footer_signals()
