from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class ApprovalsConfig(AppConfig):
    """Who may publish: partner approval of every revision, and the operators' sanctioned exceptions."""

    name = "approvals"
    default = True  # this module also holds PortalUsersConfig
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from approvals import signals, workflow  # noqa: F401  (connect the receivers)
        from approvals.names import install as translate_workflow_names
        from approvals.notifications import take_over_wagtail_workflow_mails

        take_over_wagtail_workflow_mails()
        translate_workflow_names()


class PortalUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with user forms that refuse membership of two partner groups (``approvals.users``)."""

    user_viewset = "approvals.users.PortalUserViewSet"
