"""Example translations for the demo site, made with wagtail-localize.

The start page, the office page and the site settings (header and footer) in
English and Arabic, and the office page in Leichte Sprache. They are recorded in wagtail-localize like any other
translation (so editors can sync and change them), with the tool name
"Beispielübersetzung", which makes the pages say that they are examples.
Strings without a translation here stay German.
"""

from __future__ import annotations

from django.db import transaction

from wagtail.models import Locale, Page

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from pages.models import SiteSettings
from pages.translation_status import EXAMPLE_TOOL

HOME = {
    "Flüchtlinge in Flensburg": {
        "en": "Refugees in Flensburg",
        "ar": "اللاجئون في فلنسبورغ",
    },
    "Informationen der Koordinierungsstelle für Flüchtlinge der Stadt Flensburg: für "
    "geflüchtete Menschen, für alle, die helfen möchten, und für alle, die mitreden wollen.": {
        "en": "Information from the City of Flensburg's Coordination Office for Refugees: for "
        "refugees, for everyone who wants to help, and for everyone who wants to have a say.",
        "ar": "معلومات من مكتب تنسيق شؤون اللاجئين في مدينة فلنسبورغ: للاجئين، ولكل من يريد "
        "المساعدة، ولكل من يريد المشاركة في النقاش.",
    },
    "Kontakt zur Koordinierungsstelle": {
        "en": "Contact the coordination office",
        "ar": "التواصل مع مكتب التنسيق",
    },
    "Check Up Integration: Arbeitspapiere": {
        "en": "Check Up Integration: working papers",
        "ar": "Check Up Integration: أوراق العمل",
    },
    "Helfen und spenden": {"en": "Help and donate", "ar": "المساعدة والتبرع"},
    "Leichte Sprache": {
        "en": "Easy German (Leichte Sprache)",
        "ar": "اللغة الألمانية المبسطة (Leichte Sprache)",
    },
    "Koordinierungsstelle für Flüchtlinge": {
        "en": "Coordination Office for Refugees",
        "ar": "مكتب تنسيق شؤون اللاجئين",
        "de-x-ls": "Das Büro für Flüchtlinge",
    },
    "Seit dem 1. Juli 2015 finanziert das Land Schleswig-Holstein in allen Kreisen und "
    "kreisfreien Städten Koordinierungsstellen. In Flensburg stimmen wir Aufnahme und "
    "Integration zwischen Verwaltung, Land, Regeldiensten und Ehrenamt ab.": {
        "en": "Since 1 July 2015 the State of Schleswig-Holstein has funded coordination "
        "offices in all districts and independent cities. In Flensburg we coordinate the "
        "reception and integration of refugees between the administration, the state, public "
        "services and volunteers.",
        "ar": "منذ 1 يوليو 2015 تموّل ولاية شليسفيغ-هولشتاين مكاتب تنسيق في جميع المقاطعات "
        "والمدن المستقلة. في فلنسبورغ ننسّق استقبال اللاجئين واندماجهم بين الإدارة والولاية "
        "والخدمات العامة والمتطوعين.",
    },
    "Check Up Integration": {
        "en": "Check Up Integration",
        "ar": "Check Up Integration",
    },
    "Sieben Fokusgruppen haben Strukturen, Bedarfe und Lücken untersucht und 22 "
    "Maßnahmensteckbriefe erarbeitet. Sehen Sie die Arbeitspapiere ein und reden Sie mit.": {
        "en": "Seven focus groups examined structures, needs and gaps and drew up 22 measure "
        "sheets. Read the working papers and have your say.",
        "ar": "درست سبع مجموعات تركيز الهياكل والاحتياجات والثغرات وأعدّت 22 بطاقة إجراء. اطّلع "
        "على أوراق العمل وشارك برأيك.",
    },
    "Wie sich die Lage entwickelt, wer zuständig ist, welche Leistungen und Rechte es gibt – "
    "und wichtige Adressen und Kontakte.": {
        "en": "How the situation is developing, who is responsible, which benefits and rights "
        "there are – and important addresses and contacts.",
        "ar": "كيف يتطور الوضع، ومن المسؤول، وما هي المساعدات والحقوق المتاحة، إضافة إلى "
        "عناوين وجهات اتصال مهمة.",
    },
    "Informationsangebote des Landes": {
        "en": "Information from the state",
        "ar": "معلومات من الولاية",
    },
    "Das Land Schleswig-Holstein bietet im Internet viele Informations- und Hilfsangebote. "
    "Hier finden Sie eine Auswahl.": {
        "en": "The State of Schleswig-Holstein offers a lot of information and help online. "
        "Here is a selection.",
        "ar": "تقدّم ولاية شليسفيغ-هولشتاين على الإنترنت الكثير من المعلومات وعروض المساعدة. "
        "تجد هنا مجموعة مختارة منها.",
    },
    "Wie kann geholfen werden?": {
        "en": "How can you help?",
        "ar": "كيف يمكنك المساعدة؟",
    },
    "Viele Flensburgerinnen und Flensburger möchten helfen. Hier finden Sie Initiativen, "
    "Spendenstellen und Ansprechpartner, damit Ihre Hilfe ankommt.": {
        "en": "Many people in Flensburg want to help. Here you will find initiatives, donation "
        "points and contacts, so that your help gets where it is needed.",
        "ar": "يرغب كثير من سكان فلنسبورغ في المساعدة. تجد هنا مبادرات ونقاط تبرع وجهات اتصال، "
        "حتى تصل مساعدتك إلى من يحتاجها.",
    },
}

OFFICE = {
    "Koordinierungsstelle für Flüchtlinge": HOME[
        "Koordinierungsstelle für Flüchtlinge"
    ],
    "Die Koordinierungsstelle bringt in Flensburg alle zusammen, die Geflüchtete aufnehmen, "
    "beraten und begleiten – von der Verwaltung bis zum Ehrenamt.": {
        "en": "The coordination office brings together everyone in Flensburg who receives, "
        "advises and supports refugees – from the administration to volunteers.",
        "ar": "يجمع مكتب التنسيق في فلنسبورغ كل من يستقبل اللاجئين ويقدّم لهم المشورة ويرافقهم "
        "– من الإدارة إلى المتطوعين.",
        "de-x-ls": "Das Büro hilft Flüchtlingen in Flensburg. Viele Menschen helfen dabei. "
        "Das Büro sorgt dafür: Alle arbeiten gut zusammen.",
    },
    "Koordinierungsstelle": {
        "en": "Coordination office",
        "ar": "مكتب التنسيق",
        "de-x-ls": "Büro für Flüchtlinge",
    },
    "Warum es Koordinierungsstellen gibt": {
        "en": "Why there are coordination offices",
        "ar": "لماذا توجد مكاتب التنسيق",
        "de-x-ls": "Warum gibt es das Büro?",
    },
    "Für die Aufnahme von Flüchtlingen, die von Anfang an auf Integration ausgerichtet ist, "
    "sind die Kreise und kreisfreien Städte die wichtigsten Akteure vor Ort. Sie koordinieren, "
    "was in ihrer Region geschieht.": {
        "en": "When refugees are received with integration in mind from the start, the "
        "districts and independent cities are the most important local players. They "
        "coordinate what happens in their region.",
        "ar": "عند استقبال اللاجئين بهدف الاندماج منذ البداية، تكون المقاطعات والمدن المستقلة "
        "أهم الجهات الفاعلة محليًا. فهي تنسّق ما يجري في منطقتها.",
        "de-x-ls": "Flüchtlinge sollen gut in Flensburg ankommen. Dafür ist die Stadt "
        "wichtig. Die Stadt plant: Wer hilft wem?",
    },
    "Um diese Schlüsselrolle zu stärken, finanziert das Land Schleswig-Holstein seit dem "
    "<b>1. Juli 2015</b> als freiwillige Leistung die Einrichtung und den Betrieb von "
    "Koordinierungsstellen in allen Kreisen und kreisfreien Städten – so auch in Flensburg.": {
        "en": "To strengthen this key role, the State of Schleswig-Holstein has, since "
        "<b>1 July 2015</b>, voluntarily funded the setting up and running of coordination "
        "offices in all districts and independent cities – including Flensburg.",
        "ar": "لتعزيز هذا الدور الأساسي، تموّل ولاية شليسفيغ-هولشتاين منذ <b>1 يوليو 2015</b> "
        "طوعًا إنشاء وتشغيل مكاتب التنسيق في جميع المقاطعات والمدن المستقلة – ومنها "
        "فلنسبورغ.",
        "de-x-ls": "Das Land Schleswig-Holstein bezahlt das Büro. Das Land macht das seit dem "
        "<b>1. Juli 2015</b>.",
    },
    "Unser Ziel": {"en": "Our aim", "ar": "هدفنا", "de-x-ls": "Was wollen wir?"},
    "Wir bauen ein örtlich abgestimmtes Aufnahme- und Integrationsmanagement auf: Die "
    "vorhandenen Angebote sollen besser aufeinander abgestimmt und miteinander verzahnt "
    "werden; wo nötig, bauen wir sie weiter aus.": {
        "en": "We are building locally coordinated management of reception and integration: "
        "existing services are to be better matched and linked with each other; where "
        "needed, we expand them.",
        "ar": "نبني إدارة منسّقة محليًا للاستقبال والاندماج: يجب أن تتكامل الخدمات الموجودة "
        "وترتبط ببعضها بشكل أفضل، ونوسّعها عند الحاجة.",
        "de-x-ls": "Es gibt viele Angebote für Flüchtlinge. Die Angebote sollen gut "
        "zusammen passen. Wenn etwas fehlt: Wir sorgen für neue Angebote.",
    },
    "Mit wem wir zusammenarbeiten": {
        "en": "Who we work with",
        "ar": "مع من نعمل",
        "de-x-ls": "Mit wem arbeiten wir zusammen?",
    },
    "Wir verbessern die Zusammenarbeit innerhalb der Stadtverwaltung, mit anderen Kommunen und "
    "mit dem <b>Landesamt für Ausländerangelegenheiten</b> in Grundsatzfragen der Aufnahme "
    "und der Steuerung von Integration.": {
        "en": "We improve cooperation within the city administration, with other municipalities "
        "and with the <b>Landesamt für Ausländerangelegenheiten</b> (State Office for Foreign "
        "Nationals) on basic questions of reception and integration.",
        "ar": "نحسّن التعاون داخل إدارة المدينة ومع البلديات الأخرى ومع <b>Landesamt für "
        "Ausländerangelegenheiten</b> (مكتب الولاية لشؤون الأجانب) في المسائل الأساسية "
        "للاستقبال والاندماج.",
        "de-x-ls": "Wir arbeiten mit vielen Ämtern zusammen. Zum Beispiel mit dem "
        "<b>Landesamt für Ausländerangelegenheiten</b>.",
    },
    "Außerdem stärken wir die Zusammenarbeit mit den Regeldiensten und dem Ehrenamt:": {
        "en": "We also strengthen cooperation with public services and volunteers:",
        "ar": "كما نعزّز التعاون مع الخدمات العامة والعمل التطوعي:",
        "de-x-ls": "Und wir arbeiten mit diesen Stellen zusammen:",
    },
    "Träger von Leistungen": {
        "en": "providers of benefits",
        "ar": "الجهات المقدِّمة للمساعدات",
        "de-x-ls": "Stellen, die Geld und Hilfe geben",
    },
    "Arbeitsverwaltung (Agentur für Arbeit und Jobcenter)": {
        "en": "employment services (Agentur für Arbeit and Jobcenter)",
        "ar": "إدارة العمل (Agentur für Arbeit و Jobcenter)",
        "de-x-ls": "Agentur für Arbeit und Jobcenter",
    },
    "Wohlfahrtsverbände": {
        "en": "welfare organisations",
        "ar": "منظمات الرعاية الاجتماعية",
        "de-x-ls": "Vereine, die Menschen helfen",
    },
    "andere Nichtregierungsorganisationen": {
        "en": "other non-governmental organisations",
        "ar": "منظمات غير حكومية أخرى",
        "de-x-ls": "andere Vereine",
    },
    "Vereine und ehrenamtliche Initiativen": {
        "en": "associations and volunteer initiatives",
        "ar": "الجمعيات والمبادرات التطوعية",
        "de-x-ls": "Menschen, die freiwillig helfen",
    },
    "Ihre Ansprechpartnerin": {
        "en": "Your contact person",
        "ar": "الشخص المسؤول عن التواصل معك",
        "de-x-ls": "Diese Frau hilft Ihnen",
    },
}

SITE_SETTINGS = {
    "Stadt Flensburg": {"en": "City of Flensburg", "ar": "مدينة فلنسبورغ"},
    "Koordinierungsstelle für Flüchtlinge": HOME[
        "Koordinierungsstelle für Flüchtlinge"
    ],
    "Offizielle Website der Stadt Flensburg": {
        "en": "Official website of the City of Flensburg",
        "ar": "الموقع الرسمي لمدينة فلنسبورغ",
    },
    "Ansprechpartnerin: Katja Jüngling": {
        "en": "Contact person: Katja Jüngling",
        "ar": "الشخص المسؤول: Katja Jüngling",
    },
    "Leichte Sprache": HOME["Leichte Sprache"],
    "Barrierefreiheit": {"en": "Accessibility", "ar": "إمكانية الوصول"},
    "Impressum": {"en": "Legal notice (Impressum)", "ar": "بيانات الناشر (Impressum)"},
    "Datenschutz": {"en": "Privacy", "ar": "حماية البيانات"},
}

PLAN = [
    ("home", HOME, ["en", "ar"]),
    ("home/koordinierungsstelle", OFFICE, ["en", "ar", "de-x-ls"]),
]


def object_translate(
    *, instance, language: str, strings: dict[str, dict[str, str]]
) -> bool:
    """Translate a page or snippet into ``language`` with wagtail-localize;
    False if the translation exists already."""
    locale = Locale.objects.get(language_code=language)
    if instance.get_translation_or_none(locale) is not None:
        return False
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    for segment in segments:
        text = strings.get(segment.string.data, {}).get(language)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                    "tool_name": EXAMPLE_TOOL,
                },
            )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=True)
    return True


@transaction.atomic
def demo_translations_load(*, home: Page) -> list[str]:
    """Create the example translations that are missing; never change existing ones."""
    created = []
    for path, strings, languages in PLAN:
        page = home
        for slug in path.split("/")[1:]:
            page = page.get_children().get(slug=slug)
        for language in languages:
            if object_translate(
                instance=page.specific, language=language, strings=strings
            ):
                created.append(f"{page.url_path} ({language})")
    settings = SiteSettings.objects.filter(locale=Locale.get_default()).first()
    if settings is not None:
        for language in ("en", "ar"):
            if object_translate(
                instance=settings, language=language, strings=SITE_SETTINGS
            ):
                created.append(f"Website-Einstellungen ({language})")
    return created
