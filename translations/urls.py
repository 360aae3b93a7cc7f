"""Admin URLs of the translation workflow (mounted under /admin/portal-translations/ by wagtail_hooks)."""

from django.urls import path

from translations import views

urlpatterns = [
    path("status/", views.TranslationStatusView.as_view(), name="status"),
    path("status/results/", views.TranslationStatusView.as_view(results_only=True), name="status_results"),
    path("translate-all/<int:page_id>/", views.translate_all, name="translate_all"),
    path("compare/<int:page_id>/", views.compare, name="compare"),
    path("glossary/export/", views.glossary_export, name="glossary_export"),
]
