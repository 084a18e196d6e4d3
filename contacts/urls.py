from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path(
        "kontakte/personen/<int:pk>.vcf", views.person_vcard_view, name="person_vcard"
    ),
    path(
        "kontakte/organisationen/<int:pk>.vcf",
        views.organisation_vcard_view,
        name="organisation_vcard",
    ),
    path(
        "offene-daten/adressverzeichnis.json",
        views.open_data_json,
        name="open_data_json",
    ),
    path(
        "offene-daten/adressverzeichnis.csv", views.open_data_csv, name="open_data_csv"
    ),
]
