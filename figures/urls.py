from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    path("<slug:slug>/", views.indicator_detail, name="detail"),
    path("<slug:slug>.csv", views.indicator_csv_view, name="csv"),
    path("<slug:slug>.json", views.indicator_json_view, name="json"),
]
