"""Downloads of the directory: vCards and open data (CSV, JSON)."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.listing import filtered_listing

from . import selectors
from .forms import DirectoryFilterForm
from .models import Organisation, Person
from .opening_hours import weekly_rows
from .vcards import organisation_vcard, person_vcard

ORGANISATIONS_PER_PAGE = 20
DATA_LICENCE = "Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)"
OPEN_DATA_FIELDS = [
    "id",
    "name",
    "art",
    "beschreibung",
    "kategorien",
    "sprachen",
    "telefon",
    "email",
    "website",
    "ort",
    "strasse",
    "plz",
    "stadt",
    "stadtteil",
    "breitengrad",
    "laengengrad",
    "barrierefreiheit",
    "oeffnungszeiten",
    "nur_nach_terminvereinbarung",
    "voruebergehend_geschlossen",
    "hinweis_oeffnungszeiten",
]


def directory_context(request) -> dict:
    """Filter form, one page of organisations and the result count, for a page
    template (the "Wie kann geholfen werden?" page shows it)."""
    categories = list(selectors.categories())
    languages = list(selectors.languages())
    form = DirectoryFilterForm(
        request.GET or None, categories=categories, languages=languages
    )
    listing = filtered_listing(
        request,
        form=form,
        list_all=selectors.organisation_list,
        list_filtered=lambda valid: selectors.organisation_list(**valid.filters()),
        per_page=ORGANISATIONS_PER_PAGE,
        prepare=selectors.organisations_localized,
    )
    return {
        "directory_form": form,
        "directory": listing,
        "directory_query": listing.query,
        "directory_filtered": listing.is_filtered,
        "directory_status": listing.status,
        "needs": selectors.needs_current(),
    }


def _vcard_response(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(name) or "kontakt"}.vcf"'
    )
    return response


def person_vcard_view(request, pk: int):
    try:
        person = selectors.person_get(pk=pk)
    except Person.DoesNotExist as error:
        raise Http404(_("Diese Person gibt es nicht im Adressverzeichnis.")) from error
    return _vcard_response(person_vcard(person), person.name)


def organisation_vcard_view(request, pk: int):
    try:
        organisation = selectors.organisation_get(pk=pk)
    except Organisation.DoesNotExist as error:
        raise Http404(
            _("Diese Organisation gibt es nicht im Adressverzeichnis.")
        ) from error
    return _vcard_response(organisation_vcard(organisation), organisation.name)


def _row(organisation: Organisation) -> dict:
    place = organisation.place
    hours = "; ".join(
        f"{day} {', '.join(times)}"
        for day, times in weekly_rows(organisation.opening_hours.all())
    )
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "art": organisation.get_kind_display(),
        "beschreibung": organisation.description,
        "kategorien": [category.name for category in organisation.categories.all()],
        "sprachen": [language.code for language in organisation.languages.all()],
        "telefon": organisation.phone.as_e164 if organisation.phone else "",
        "email": organisation.email,
        "website": organisation.website,
        "ort": place.name if place else "",
        "strasse": place.street if place else "",
        "plz": place.postcode if place else "",
        "stadt": place.city if place else "",
        "stadtteil": place.get_district_display() if place and place.district else "",
        "breitengrad": float(place.latitude)
        if place and place.latitude is not None
        else None,
        "laengengrad": float(place.longitude)
        if place and place.longitude is not None
        else None,
        "barrierefreiheit": place.accessibility if place else "",
        "oeffnungszeiten": hours,
        "nur_nach_terminvereinbarung": organisation.appointment_only,
        "voruebergehend_geschlossen": organisation.temporarily_closed,
        "hinweis_oeffnungszeiten": organisation.hours_note,
    }


def open_data_json(request):
    rows = [_row(organisation) for organisation in selectors.organisation_list()]
    return JsonResponse(
        {
            "titel": "Adressverzeichnis der Hilfsangebote für Flüchtlinge in Flensburg",
            "herausgeber": "Stadt Flensburg, Koordinierungsstelle für Flüchtlinge",
            "lizenz": DATA_LICENCE,
            "stand": timezone.now().isoformat(timespec="seconds"),
            "felder": OPEN_DATA_FIELDS,
            "organisationen": rows,
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def open_data_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="adressverzeichnis.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.DictWriter(response, fieldnames=OPEN_DATA_FIELDS)
    writer.writeheader()
    for organisation in selectors.organisation_list():
        row = _row(organisation)
        row["kategorien"] = ", ".join(row["kategorien"])
        row["sprachen"] = ", ".join(row["sprachen"])
        writer.writerow(row)
    return response
