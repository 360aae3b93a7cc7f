from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    """The page cache shared by every worker (pagecache/__init__.py)."""

    name = "pagecache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pagecache import invalidation  # connects the receivers that make pages stale

        invalidation.connect_snippet_receivers()
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="pagecache-after-migrate")


def after_migrate(sender, using="default", verbosity=0, **kwargs):
    """Every installation and every release runs ``migrate``: it creates the database cache's table when CACHES uses
    one (``createcachetable`` does nothing otherwise, and nothing for a table that exists), and starts a new
    generation in every language, so no page rendered by the previous release's templates is served."""
    from django.core.management import call_command

    from pagecache.generations import renew_all

    call_command("createcachetable", database=using, verbosity=0)
    renew_all()
