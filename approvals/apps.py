from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    """Who may publish: partner approval of every revision, and the operators' sanctioned exceptions."""

    name = "approvals"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from approvals import signals, workflow  # noqa: F401  (connect the receivers)
