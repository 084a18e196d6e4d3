"""The Check Up Integration's page in the page tree and its routes."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from pages.models import BasePage

from .. import feed_views, views
from ..blocks import CHECKUP_BLOCKS


class CheckUpPage(RoutablePageMixin, BasePage):
    """The "Check Up Integration": the process text, and below it the working
    papers (measure list, measure sheets, fields of action, status analyses,
    feeds, ZIP of all papers). Each route hands over to a view in
    ``integration_checkup.views`` (which import this app's other models, never
    this module); ``CheckUpUrls`` in ``routes`` builds their URLs."""

    body = StreamField(CHECKUP_BLOCKS, blank=True, verbose_name=_("Inhalt"))

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Check Up Integration")
        verbose_name_plural = _("Check Up Integration")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.overview_context(request, self))
        return context

    @path("massnahmen/", name="measure_list")
    def measure_list(self, request):
        return views.measure_list(request, self)

    @path("massnahmen/<int:number>/", name="measure_detail")
    def measure_detail(self, request, number):
        return views.measure_detail(request, self, number=number)

    @path("massnahmen/<int:number>/handzettel/", name="measure_handout")
    def measure_handout(self, request, number):
        return views.measure_handout(request, self, number=number)

    @path("massnahmen/<int:number>/rueckmeldung/", name="measure_feedback")
    def measure_feedback(self, request, number):
        return views.measure_feedback(request, self, number=number)

    @path("massnahmen/<int:number>/rueckmeldung/danke/", name="measure_feedback_thanks")
    def measure_feedback_thanks(self, request, number):
        return views.measure_feedback_thanks(request, self, number=number)

    @path("massnahmen/<int:number>/feed/", name="measure_feed")
    def measure_feed(self, request, number):
        return feed_views.measure_feed(request, self, number=number)

    @path("massnahmen/<int:number>/arbeitspapier/", name="measure_paper")
    def measure_paper(self, request, number):
        return feed_views.measure_paper(request, self, number=number)

    @path(
        "massnahmen/<int:number>/arbeitspapier/fassung-<int:version>/",
        name="measure_paper_version",
    )
    def measure_paper_version(self, request, number, version):
        return feed_views.measure_paper(request, self, number=number, version=version)

    @path("handlungsfelder/<slug:slug>/", name="field_detail")
    def field_detail(self, request, slug):
        return views.field_detail(request, self, slug=slug)

    @path("handlungsfelder/<slug:slug>/feed/", name="field_feed")
    def field_feed(self, request, slug):
        return feed_views.field_feed(request, self, slug=slug)

    @path("statusanalysen/", name="analysis_list")
    def analysis_list(self, request):
        return views.analysis_list(request, self)

    @path("arbeitspapiere-zip/", name="archive")
    def archive(self, request):
        return feed_views.archive(request, self)

    @path("arbeitspapiere/feed/", name="papers_feed")
    def papers_feed(self, request):
        return feed_views.papers_feed(request, self)

    @path("arbeitspapiere/feed/rss/", name="papers_feed_rss")
    def papers_feed_rss(self, request):
        return feed_views.papers_feed(request, self, rss=True)

    def measure_path(self, number: int) -> str:
        """A measure sheet's path below this page, for links from elsewhere
        (search, API): the route names stay in this app."""
        return self.reverse_subpage("measure_detail", args=[number])

    def paper_path(self, number: int, version: int | None = None) -> str:
        """The path of a sheet's working paper: the newest version's stable
        address, or the address of one version."""
        if version is None:
            return self.reverse_subpage("measure_paper", args=[number])
        return self.reverse_subpage("measure_paper_version", args=[number, version])

    def get_sitemap_urls(self, request=None):
        return [
            *super().get_sitemap_urls(request),
            *views.sitemap_urls(request, self),
        ]

    def cached_route_arguments(self):
        return views.cached_route_arguments()
