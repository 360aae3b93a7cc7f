"""The public URLs of the proposal form, included under each language prefix (``cms/urls.py``)."""

from django.urls import path

from proposals import views

urlpatterns = [
    path("propose/", views.propose, name="proposals_propose"),
    path("propose/thanks/", views.thanks, name="proposals_thanks"),
]
