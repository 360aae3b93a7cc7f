"""Admin URLs of the translation workflow (mounted under /admin/portal-translations/ by wagtail_hooks)."""

from django.urls import path

from translations import views

urlpatterns = [
    path("status/", views.TranslationStatusView.as_view(), name="status"),
    path("status/results/", views.TranslationStatusView.as_view(results_only=True), name="status_results"),
    path("translate-all/<int:page_id>/", views.translate_all, name="translate_all"),
    path("review/<int:page_id>/", views.review, name="review"),
    path("review/<slug:app_label>/<slug:model_name>/<str:pk>/", views.review, name="review_snippet"),
    path("withdraw/<int:page_id>/", views.withdraw, name="withdraw"),
    path("withdraw/<slug:app_label>/<slug:model_name>/<str:pk>/", views.withdraw, name="withdraw_snippet"),
    # The side-by-side comparison grew into the review screen; its address still leads there.
    path("compare/<int:page_id>/", views.review, name="compare"),
    path("glossary/export/", views.glossary_export, name="glossary_export"),
]
