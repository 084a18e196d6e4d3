"""``{% figure_chart %}``: the whole component rendered from a ChartData built
here (no database): structure and names for assistive technology, escaping,
German marked where the indicator is not translated, table, sources,
downloads, the example badge."""

import datetime
import re
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from bs4 import BeautifulSoup

from figures.chart_data import ChartData, Granularity, Point, Series, Source
from figures.charts import MAX_PERIODS
from figures.templatetags.figure_charts import OPEN_TABLE_ROWS, link_target

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def months(values, year=2016, first=1):
    return tuple(
        Point(
            datetime.date(year + (first - 1 + i) // 12, (first - 1 + i) % 12 + 1, 1),
            None,
            Decimal(v),
        )
        for i, v in enumerate(values)
    )


SOURCE = Source(
    publisher="Stadt Flensburg",
    title="Statistik Zuwanderung",
    url="https://www.flensburg.de/statistik",
    retrieved=datetime.date(2017, 10, 9),
    licence_name="Datenlizenz Deutschland – Namensnennung – 2.0",
    licence_url="https://www.govdata.de/dl-de/by-2-0",
    entered_by="Koordinierungsstelle",
)


def chart(**changes):
    values = {
        "key": "asylsuchende",
        "title": "Asylsuchende in Flensburg",
        "description": "Personen in der Erstaufnahme",
        "unit": "Personen",
        "kind": "line",
        "granularity": Granularity.MONTH,
        "series": (Series("", months([1240, 1300, 1000, 860])),),
        "sources": (SOURCE,),
        "is_example": False,
        "language": "de",
        "csv_url": "/zahlen/asylsuchende.csv",
        "json_url": "/zahlen/asylsuchende.json",
    }
    return ChartData(**(values | changes))


def render(data, language="de", heading_level=2):
    with translation.override(language):
        html = Template(
            "{% load figure_charts %}{% figure_chart data heading_level=level %}"
        ).render(Context({"data": data, "level": heading_level}))
    return BeautifulSoup(html, "html.parser")


def test_a_figure_named_by_its_heading_with_an_svg_named_and_described():
    soup = render(chart())
    figure = soup.find("figure")
    heading = figure.find("h2")
    assert heading.get_text() == "Asylsuchende in Flensburg"
    assert figure["aria-labelledby"] == heading["id"]
    svg = figure.find("svg", class_="figure-chart__svg")
    assert svg["role"] == "group"
    assert svg["viewbox"] == "0 0 340 240"
    assert soup.find(id=svg["aria-labelledby"]).name == "title"
    desc = soup.find(id=svg["aria-describedby"])
    assert desc.name == "desc"
    assert "von 1.240 im Januar 2016 auf 860 im April 2016" in desc.get_text()
    assert not soup.find(attrs={"style": True})


def test_the_heading_level_follows_the_page():
    assert render(chart(), heading_level=3).find("h3", class_="figure-chart__title")


def test_points_are_focusable_and_named_with_period_and_value():
    points = render(chart()).select(".figure-chart__point")
    assert len(points) == 4
    assert all(point["tabindex"] == "0" for point in points)
    assert points[0]["aria-label"] == "Januar 2016: 1.240\u00a0Personen"
    assert points[0].find_parent(attrs={"role": "list"})["aria-label"]


def test_a_summary_in_words_under_the_chart():
    summary = render(chart()).select_one(".figure-chart__summary").get_text(" ")
    assert "Von 1.240 im Januar 2016 auf 860 im April 2016" in summary


def test_the_table_has_a_caption_headers_and_every_value():
    soup = render(chart())
    table = soup.find("table")
    assert "Asylsuchende in Flensburg" in table.caption.get_text()
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    rows = table.tbody.find_all("tr")
    assert [row.th.get_text() for row in rows][0] == "Januar 2016"
    assert [row.th["scope"] for row in rows] == ["row"] * 4
    assert [row.td.get_text() for row in rows] == ["1.240", "1.300", "1.000", "860"]
    assert not soup.find("details")  # few rows: shown open (also in print)


def test_a_few_periods_too_many_for_the_chart_are_all_in_the_table():
    data = chart(series=(Series("", months(range(MAX_PERIODS + 5))),))
    note = render(data).select_one(".figure-chart__note").get_text()
    assert note == (
        "Dargestellt: die letzten 40 Zeiträume; alle Werte in der Tabelle und im Download."
    )


def test_many_rows_fold_into_details():
    long = chart(series=(Series("", months(range(OPEN_TABLE_ROWS + 1))),))
    details = render(long).find("details")
    assert details is not None
    assert "25 Zeiträume" in details.summary.get_text()
    assert len(details.find_all("tr")) == OPEN_TABLE_ROWS + 2  # header row


def test_sources_with_licence_and_retrieval_date_under_the_chart():
    sources = render(chart()).select_one(".figure-chart__sources")
    text = " ".join(sources.get_text(" ").split())
    assert "Quelle: Stadt Flensburg: Statistik Zuwanderung" in text
    assert "abgerufen am 9. Oktober 2017" in text
    assert "Eingetragen von: Koordinierungsstelle" in text
    links = {a.get_text(): a["href"] for a in sources.find_all("a")}
    assert links["Datenlizenz Deutschland – Namensnennung – 2.0"] == SOURCE.licence_url
    assert sources.find("time")["datetime"] == "2017-10-09"


def test_downloads_as_csv_and_json():
    links = render(chart()).select(".figure-chart__downloads a")
    assert [link["href"] for link in links] == [
        "/zahlen/asylsuchende.csv",
        "/zahlen/asylsuchende.json",
    ]
    assert "Asylsuchende in Flensburg" in links[0].get_text()  # unique names


def test_example_data_carry_a_badge():
    assert "Beispieldaten" in render(chart(is_example=True)).get_text()
    assert "Beispieldaten" not in render(chart()).get_text()


def test_hostile_texts_stay_text():
    hostile = chart(
        key=HOSTILE,
        title=HOSTILE,
        description=HOSTILE,
        unit=HOSTILE,
        series=(Series(HOSTILE, months([1, 2])), Series("b", months([3, 4]))),
        sources=(
            Source(
                HOSTILE,
                HOSTILE,
                "javascript:alert(1)",
                None,
                HOSTILE,
                "javascript:x",
                HOSTILE,
            ),
        ),
        csv_url="/a.csv",
    )
    with translation.override("de"):
        html = Template("{% load figure_charts %}{% figure_chart data %}").render(
            Context({"data": hostile})
        )
    assert "<script>" not in html
    assert "<img" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert re.fullmatch(r"chart-[a-z0-9-]+", soup.find("figure")["id"])


def test_only_web_and_site_links_are_linked():
    assert link_target("https://example.org/x") == "https://example.org/x"
    assert link_target("/zahlen/a.csv") == "/zahlen/a.csv"
    assert link_target("javascript:alert(1)") == ""
    assert link_target("JaVaScRiPt:alert(1)") == ""
    assert link_target("data:text/html,x") == ""


def test_ten_thousand_values_give_a_bounded_number_of_tab_stops():
    first = datetime.date(1990, 1, 1)
    many = tuple(
        Point(first + datetime.timedelta(days=i), None, Decimal(i % 50))
        for i in range(10_000)
    )
    soup = render(chart(granularity=Granularity.DAY, series=(Series("", many),)))
    assert len(soup.select("[tabindex='0'].figure-chart__point")) == MAX_PERIODS
    note = soup.select_one(".figure-chart__note").get_text()
    assert note == "Dargestellt: die letzten 40 Zeiträume; alle Werte im Download."
    # The table stays bounded too; the downloads hold every value.
    assert len(soup.find("table").tbody.find_all("tr")) == 500
    assert "letzten 500 Zeiträume" in soup.get_text()


def test_an_untranslated_indicator_is_marked_german_on_an_arabic_page():
    soup = render(chart(), language="ar")
    assert soup.find("h2")["lang"] == "de"
    assert soup.find("h2")["dir"] == "ltr"
    assert soup.select_one(".figure-chart__description")["lang"] == "de"
    assert soup.find("title")["lang"] == "de"


def test_a_translated_indicator_is_not_marked():
    soup = render(chart(language="ar", title="طالبو اللجوء"), language="ar")
    assert not soup.find("h2").has_attr("lang")


def test_right_to_left_pages_mirror_the_chart():
    ltr_soup = render(chart())
    rtl_soup = render(chart(), language="ar")
    ltr = [float(c["cx"]) for c in ltr_soup.select(".figure-chart__point circle")]
    rtl = [float(c["cx"]) for c in rtl_soup.select(".figure-chart__point circle")]
    assert rtl_soup.find("svg")["direction"] == "rtl"
    assert ltr == sorted(ltr)  # January on the left
    assert rtl == sorted(rtl, reverse=True)  # January on the right

    # The value axis' labels stand left of the plot, right of it on rtl pages.
    def y_labels(soup):
        selector = ".figure-chart__labels text[text-anchor=end]"
        return [float(text["x"]) for text in soup.select(selector)]

    assert max(y_labels(ltr_soup)) < min(ltr)
    assert min(y_labels(rtl_soup)) > max(rtl)


def test_farsi_numbers_in_persian_digits_everywhere():
    soup = render(chart(), language="fa")
    table_text = soup.find("table").tbody.get_text()
    assert "۱۲۴۰" in table_text
    assert not re.search(r"[0-9]", table_text)
    labels = soup.select(".figure-chart__labels text")
    assert labels and not any(re.search(r"[0-9]", label.get_text()) for label in labels)
    assert "۱۲۴۰" in soup.select_one(".figure-chart__point")["aria-label"]


def test_bar_charts_with_several_series_have_patterns_and_a_legend():
    data = chart(
        kind="bar",
        series=(
            Series("Syrien", months([10, 20])),
            Series("Irak", months([5, 8])),
            Series("Afghanistan", months([1, 2])),
        ),
    )
    soup = render(data)
    bars = soup.select(".figure-chart__point rect.figure-chart__bar")
    assert len(bars) == 6
    fills = {bar.get("fill") for bar in bars}
    assert None in fills  # the first series is solid
    assert {
        "url(#chart-asylsuchende-pattern-2)",
        "url(#chart-asylsuchende-pattern-3)",
    } <= fills
    assert soup.find("pattern", id="chart-asylsuchende-pattern-2")
    legend = [li.get_text() for li in soup.select(".figure-chart__legend li")]
    assert legend == ["Syrien", "Irak", "Afghanistan"]


def test_a_chart_without_values_says_so():
    soup = render(chart(series=(Series("", ()),)))
    assert not soup.find("svg", class_="figure-chart__svg")
    assert "noch keine Werte" in soup.get_text()


def test_the_title_may_be_left_to_the_page_heading():
    with translation.override("de"):
        html = Template(
            "{% load figure_charts %}{% figure_chart data show_title=False %}"
        ).render(Context({"data": chart()}))
    heading = BeautifulSoup(html, "html.parser").find("h2")
    assert "kern-sr-only" in heading["class"]
    assert heading.get_text() == "Asylsuchende in Flensburg"


def test_a_standard_licence_reads_in_the_page_language_a_typed_one_is_german():
    standard = Source(**(vars_of(SOURCE) | {"licence_translated": True}))
    typed = Source(**(vars_of(SOURCE) | {"licence_name": "Eigene Lizenz der Stadt"}))

    standard_link = render(chart(sources=(standard,)), language="ar").find(
        "a", href=SOURCE.licence_url
    )
    typed_link = render(chart(sources=(typed,)), language="ar").find(
        "a", href=SOURCE.licence_url
    )

    assert not standard_link.has_attr("lang")
    assert typed_link["lang"] == "de"


def vars_of(source: Source) -> dict:
    return {name: getattr(source, name) for name in source.__dataclass_fields__}
