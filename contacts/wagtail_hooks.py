"""Admin screens of the directory, grouped under "Adressverzeichnis"."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_choosers import SiteSnippetViewSet
from core.admin_search import snippet_search_area

from .forms import HelpCategoryAdminForm
from .models import HelpCategory, Language, Need, Organisation, Person, Place


class OrganisationViewSet(SiteSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationen")
    list_display = ["name", "kind", "place", "phone"]
    list_filter = ["kind", "categories", "languages", "place__district"]
    # The phone as stored (E.164, "+49461851653"): "1653" finds it.
    search_fields = [
        "name",
        "description",
        "phone",
        "email",
        "website",
        "place__name",
        "place__street",
        "place__postcode",
    ]
    search_backend_name = None
    ordering = ["name"]


class PersonViewSet(SiteSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personen")
    list_display = ["family_name", "given_name", "role", "organisation", "phone"]
    list_filter = ["organisation"]
    # A person without a number of her own is reached on her organisation's.
    search_fields = [
        "given_name",
        "family_name",
        "role",
        "email",
        "phone",
        "organisation__name",
        "organisation__phone",
    ]
    search_backend_name = None
    ordering = ["family_name", "given_name"]


class PlaceViewSet(SiteSnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Orte")
    list_display = ["name", "street", "postcode", "district"]
    list_filter = ["district"]
    search_fields = ["name", "street", "postcode"]
    search_backend_name = None
    ordering = ["name"]


class NeedViewSet(SiteSnippetViewSet):
    model = Need
    icon = "pick"
    menu_label = _("Aktuell gesucht")
    list_display = ["title", "organisation", "needed_until"]
    list_filter = ["organisation"]
    search_fields = ["title", "details"]
    search_backend_name = None
    ordering = ["needed_until"]


class HelpCategoryViewSet(SiteSnippetViewSet):
    model = HelpCategory
    icon = "tag"
    menu_label = _("Kategorien")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(
        HelpCategory.panels, base_form_class=HelpCategoryAdminForm
    )


class LanguageViewSet(SiteSnippetViewSet):
    model = Language
    icon = "globe"
    menu_label = _("Sprachen")
    list_display = ["name", "native_name", "code"]
    search_fields = ["name", "native_name", "code"]
    search_backend_name = None


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Adressverzeichnis")
    menu_icon = "group"
    menu_order = 210
    items = (
        OrganisationViewSet,
        PersonViewSet,
        PlaceViewSet,
        NeedViewSet,
        HelpCategoryViewSet,
        LanguageViewSet,
    )


register_snippet(DirectoryViewSetGroup)

# The admin's "Suche" finds organisations and people too (core.admin_search).
hooks.register(
    "register_admin_search_area",
    snippet_search_area(
        Organisation, label=_("Organisationen"), icon="group", order=210
    ),
)
hooks.register(
    "register_admin_search_area",
    snippet_search_area(Person, label=_("Personen"), icon="user", order=211),
)
