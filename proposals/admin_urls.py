from django.urls import path

from proposals.admin_views import ProposalsReportView

app_name = "proposals"
urlpatterns = [
    path("", ProposalsReportView.as_view(), name="index"),
    path("results/", ProposalsReportView.as_view(results_only=True), name="index_results"),
]
