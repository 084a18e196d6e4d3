"""The text of the search benchmark (``bench/search_latency.py``):
reproducible German pages about the office's topics, with compounds and
umlauts, a fifth of them in Arabic, and the queries sent to the search.
"""

from __future__ import annotations

import random


def _words(text: str, sep: str | None = None) -> list[str]:
    return [word.strip() for word in text.split(sep) if word.strip()]


# Words of the site's topics: a page is about one or two of them.
TOPICS = {
    name: _words(words)
    for name, words in {
        "wohnen": """Wohnung Wohnungen Wohnungssuche Wohnraum Miete Mietvertrag
            Vermieter Nebenkosten Unterkunft Gemeinschaftsunterkunft Umzug
            Wohnberechtigungsschein Kaution Nachbarschaft Hausordnung""",
        "sprache": """Sprachkurs Sprachkurse Deutschkurs Integrationskurs
            Sprachcafé Alphabetisierung Sprachprüfung Lehrerin Unterricht
            Dolmetscher Übersetzung Sprachmittlerin Wörterbuch""",
        "arbeit": """Arbeit Arbeitsmarkt Ausbildung Praktikum Bewerbung
            Arbeitserlaubnis Jobcenter Agentur Berufsanerkennung Betrieb
            Ausbildungsplatz Lebenslauf Minijob Qualifizierung""",
        "gesundheit": """Gesundheit Ärztin Arzt Krankenversicherung Impfung
            Krankenhaus Apotheke Hebamme Psychotherapie Behandlungsschein
            Zahnarzt Vorsorge Beratungsstelle""",
        "kinder": """Kinder Kita Kindergarten Schule Schulanmeldung
            Hausaufgabenhilfe Jugendliche Spielplatz Elterncafé Betreuung
            Ferienprogramm Jugendzentrum""",
        "ehrenamt": """Ehrenamt Ehrenamtliche Patenschaft Patenschaften
            Freiwillige Initiative Helferkreis Begleitung Engagement
            Nachbarschaftshilfe Mentoring""",
        "spenden": """Spende Spenden Sachspenden Kleiderkammer Kleidung Möbel
            Fahrrad Fahrradwerkstatt Möbelbörse Tafel Spendenkonto Abgabestelle""",
        "aufenthalt": """Aufenthalt Aufenthaltserlaubnis Asylverfahren Asyl
            Duldung Ausländerbehörde Anhörung Bescheid Widerspruch
            Rechtsberatung Familiennachzug Einbürgerung Pass""",
        "leistungen": """Leistungen Asylbewerberleistungsgesetz Sozialamt
            Antrag Formular Bürgergeld Kindergeld Wohngeld Bildungspaket
            Bescheinigung Termin Kontoeröffnung""",
        "begegnung": """Begegnung Begegnungscafé Sportverein Fußball Chor
            Stadtfest Ausflug Bücherei Museum Gemeinschaftsgarten Kochabend
            Frauentreff Teilhabe""",
        "mobilitaet": """Bus Busfahrkarte Bahnhof Führerschein Fahrschule
            Fahrradkurs Verkehr Stadtplan Sozialticket""",
        "koordination": """Koordinierungsstelle Koordination Netzwerk
            Handlungsfeld Maßnahme Maßnahmensteckbrief Statusanalyse
            Arbeitspapier Forum Ausschuss Fokusgruppe Akzeptanz""",
    }.items()
}
DISTRICTS = _words(
    """
    Altstadt|Neustadt|Nordstadt|Westliche Höhe|Friesischer Berg|Weiche|Südstadt|
    Sandberg|Jürgensby|Fruerlund|Mürwik|Engelsby|Tarup
    """,
    sep="|",
)
QUERIES = _words(
    """
    Wohnung|Wohnungen|Wohnungssuche|Sprachkurs|Sprachkurse|Deutschkurs Abend|
    Fluechtlinge|Flüchtlinge|Strasse|Straße|Arbeit|Ausbildung Praktikum|
    Kita Kinder|Beratung Familien|Ausländerbehörde Termin|Oeffnungszeiten|
    Öffnungszeiten Rathaus|Ehrenamt|Patenschaften|Spenden Kleidung|Moebel|
    Fahrrad|Gesundheit Arzt|Dolmetscherin|Integrationskurs|Asyl|Duldung|
    Jobcenter Antrag|Begegnungscafé|Mürwik|Muerwik Beratung|Nachbarschaftshilfe|
    Jugend|Frauen Treff|kostenlos|barrierefrei|Wohnraum Miete|Vermieter|
    Fuehrerschein|Sportverein Kinder|Stadtteil|Netzwerk Koordination|Leistungen|
    Formular|Schule|Quantenphysik|Xylophon|zzzz|Wohnung Quantenphysik
    """,
    sep="|",
)


# Arabic text for the translated pages: topic words (with and without the
# article, singular and plural, some with diacritics) among everyday words.
ARABIC_TOPICS = {
    name: _words(words)
    for name, words in {
        "wohnen": """سكن السكن شقة الشقق إيجار الإيجار عقد المؤجر سكنٌ مشترك
            الانتقال الجيران""",
        "sprache": """دورة دورات اللغة الألمانية لغة ألمانية تعلم دروس مدرسة
            المترجم ترجمة اللُّغَةِ""",
        "arbeit": """عمل العمل تدريب التدريب المهني طلب توظيف تصريح مركز
            الوظائف""",
        "spenden": """تبرعات التبرعات التبرع ملابس أثاث دراجة حساب نقاط
            تبرعٌ""",
        "aufenthalt": """إقامة لجوء اللجوء الإقامة لاجئين اللاجئون للاجئين
            واللاجئين""",
        "gesundheit": """صحة الصحة طبيب طبيبة تأمين صحي مستشفى صيدلية
            الأطفال""",
    }.items()
}
ARABIC_EVERYDAY = _words(
    """
    في من على إلى مع هذا هذه المدينة فلنسبورغ يوم كل بعض عند بين الناس
    مساعدة معلومات مكتب تنسيق خدمة العائلات الأطفال المساء الصباح الأسبوع
    مكان عنوان هاتف موعد طلب جديد كبير صغير أول آخر شهر سنة عام مجاني
    متطوعون مبادرة الحي البلدية المركز الاستشارة سؤال جواب باب وقت
    """
)
ARABIC_QUERIES = _words(
    """
    سكن|دورة لغة ألمانية|تبرعات|لاجئين|اللاجئين|إيجار|شقة|تعلم اللغة|
    تصريح عمل|مستشفى|طبيب|ملابس|دراجة|إقامة|لجوء|مساعدة|فلنسبورغ|
    Sprachkurs|Wohnung|Jobcenter|كمبيوتر
    """,
    sep="|",
)


class Writer:
    """Reproducible German text: topic words among everyday words.

    Everyday words come from Faker's German word list, drawn with a Zipf
    distribution as in real text (few words are everywhere, most are rare);
    each page is about one or two topics, so a topic word is on some pages,
    not on all.
    """

    def __init__(self, seed: int):
        from faker.providers.lorem.de_DE import Provider

        self.random = random.Random(seed)  # noqa: S311 - sample text, no secret
        self.everyday = list(Provider.word_list)
        self.random.shuffle(self.everyday)
        self.weights = [1 / rank for rank in range(1, len(self.everyday) + 1)]
        self.topics = list(TOPICS)

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.everyday, self.weights, k=count)

    def sentence(self, topics: list[str]) -> str:
        words = self.words(self.random.randint(4, 10))
        for _ in range(self.random.randint(1, 2)):
            position = self.random.randrange(len(words) + 1)
            words.insert(
                position, self.random.choice(TOPICS[self.random.choice(topics)])
            )
        if self.random.random() < 0.2:
            words += ["in", self.random.choice(DISTRICTS)]
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def page_topics(self) -> list[str]:
        first = self.random.choice(self.topics)
        if self.random.random() < 0.3:
            return [first, self.random.choice(self.topics)]
        return [first]

    def paragraph(self, topics: list[str]) -> str:
        return " ".join(self.sentence(topics) for _ in range(self.random.randint(3, 6)))

    def title(self, topics: list[str]) -> str:
        noun = self.random.choice(TOPICS[topics[0]])
        if self.random.random() < 0.5:
            return f"{noun} in {self.random.choice(DISTRICTS)}"
        return f"{noun}: {' '.join(self.words(2)).capitalize()}"

    def arabic_sentence(self, topics: list[str]) -> str:
        words = self.random.choices(ARABIC_EVERYDAY, k=self.random.randint(4, 10))
        for _ in range(self.random.randint(1, 2)):
            topic = ARABIC_TOPICS.get(self.random.choice(topics))
            if topic:
                words.insert(
                    self.random.randrange(len(words) + 1), self.random.choice(topic)
                )
        return " ".join(words) + "."

    def arabic_paragraph(self, topics: list[str]) -> str:
        return " ".join(
            self.arabic_sentence(topics) for _ in range(self.random.randint(3, 6))
        )

    def arabic_title(self, topics: list[str]) -> str:
        topic = ARABIC_TOPICS.get(topics[0]) or ARABIC_TOPICS["wohnen"]
        return f"{self.random.choice(topic)} في {self.random.choice(ARABIC_EVERYDAY)}"

    def arabic_query(self) -> str:
        if self.random.random() < 0.6:
            return self.random.choice(ARABIC_QUERIES)
        return self.random.choice(
            ARABIC_TOPICS[self.random.choice(list(ARABIC_TOPICS))]
        )

    def misspelt_query(self) -> str:
        """A topic word with one letter left out, doubled or swapped."""
        word = self.random.choice(TOPICS[self.random.choice(self.topics)])
        while True:
            position = self.random.randrange(1, len(word) - 1)
            edit = self.random.choice(("drop", "double", "swap"))
            if edit == "drop":
                typo = word[:position] + word[position + 1 :]
            elif edit == "double":
                typo = word[:position] + word[position] + word[position:]
            else:
                typo = (
                    word[:position]
                    + word[position + 1]
                    + word[position]
                    + word[position + 2 :]
                )
            if typo != word:
                return typo

    def query(self) -> str:
        roll = self.random.random()
        if roll < 0.45:
            query = self.random.choice(QUERIES)
        elif roll < 0.7:
            query = self.random.choice(TOPICS[self.random.choice(self.topics)])
        elif roll < 0.85:
            query = " ".join(self.random.sample(self.everyday, 2))
        else:
            query = self.random.choice(self.everyday)
        if self.random.random() < 0.2:
            query = query.lower()
        return query
