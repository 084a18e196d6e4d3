from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("gesendet/", views.sent, name="sent"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("verwalten/<str:token>/", views.manage, name="manage"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
