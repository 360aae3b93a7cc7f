from django.urls import path

from subscriptions.admin_views import SubscriberAddressesView, SubscriberCountsView

urlpatterns = [
    path("counts/", SubscriberCountsView.as_view(), name="counts"),
    path("addresses/", SubscriberAddressesView.as_view(), name="addresses"),
]
