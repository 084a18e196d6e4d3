from django.urls import path

from site_search import views

app_name = "site_search"

urlpatterns = [
    path("", views.search, name="search"),
]
