from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Page types that exist only in the test suite (registered by cms/settings/test.py)."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
