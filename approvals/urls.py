from django.urls import path

from approvals.views import ApprovalsReportView, DashboardDecisionView, EmergencyPublishView, ResubmitAsOwnView

app_name = "approvals"
urlpatterns = [
    path("emergency-publish/<int:page_id>/", EmergencyPublishView.as_view(), name="emergency_publish"),
    path(
        "emergency-publish/<slug:app_label>/<slug:model_name>/<str:pk>/",
        EmergencyPublishView.as_view(),
        name="emergency_publish_snippet",
    ),
    path("decide/<int:content_type_id>/<str:object_id>/", DashboardDecisionView.as_view(), name="decide"),
    path("resubmit/<int:content_type_id>/<str:object_id>/", ResubmitAsOwnView.as_view(), name="resubmit"),
    path("report/", ApprovalsReportView.as_view(), name="report"),
    path("report/results/", ApprovalsReportView.as_view(results_only=True), name="report_results"),
]
