from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the site's frame: base templates, navigation, language switcher, hreflang."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"
