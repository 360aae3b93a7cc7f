from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Page types that exist only in the test suite (registered by cms/settings/test.py)."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Declare the test page types allowed children of the home page, as a real page type is declared there.

        Tests create them under a home page; without this, they would be placed where Wagtail's tree rules forbid
        them (``HomePage.subpage_types``) and the admin's own checks (add, move, copy) would not apply to them as
        they do to real content. Only the test settings install this app, so the portal's tree is unchanged.
        """
        from home.models import HomePage

        extra = [name for name in ("testapp.ArticlePage", "testapp.SectionPage") if name not in HomePage.subpage_types]
        HomePage.subpage_types = [*HomePage.subpage_types, *extra]
