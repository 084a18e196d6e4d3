"""The offline page and the manifest, in every language (mounted inside
``i18n_patterns``); the service worker itself sits at the site's root
(flensburg_site.urls) so that its scope is the whole site."""

from django.urls import path

from offline import views

app_name = "offline"

urlpatterns = [
    path("offline/", views.offline_page, name="page"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
