"""The 2FA pages, under the admin (``register_admin_urls`` in security/wagtail_hooks.py): Wagtail wraps them in its
admin-access check and renders them in the person's admin language."""

from django.urls import path

from security.two_factor import views

urlpatterns = [
    path("two-factor/verify/", views.verify, name="portal_2fa_verify"),
    path("two-factor/enrol/", views.enrol, name="portal_2fa_enrol"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="portal_2fa_recovery_codes"),
    path("two-factor/", views.account, name="portal_2fa_account"),
    path("two-factor/remove/", views.remove, name="portal_2fa_remove"),
    path("two-factor/reset/<int:user_id>/", views.reset, name="portal_2fa_reset"),
]
