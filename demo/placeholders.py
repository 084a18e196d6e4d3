"""Placeholder working papers for the demo site: real PDFs that say, in their
text, that they are placeholders (so that search and readers both see it)."""

from __future__ import annotations

from fpdf import FPDF

PLACEHOLDER_NOTICE = (
    "PLATZHALTER - Dies ist kein echtes Arbeitspapier. Dieses Dokument wurde für die "
    "Demo-Inhalte der Website erzeugt und enthält keine Angaben der Stadt Flensburg."
)


# The PDF core fonts cover Latin-1 (umlauts, ß), not typographic dashes and quotes.
TYPOGRAPHY_TO_LATIN1 = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "„": '"',
        "“": '"',
        "”": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "…": "...",
    }
)


def _latin1(text: str) -> str:
    return (
        text.translate(TYPOGRAPHY_TO_LATIN1)
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def placeholder_pdf(*, title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title, the placeholder notice and some lines."""
    title, lines = _latin1(title), [_latin1(line) for line in lines]
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("Koordinierungsstelle fuer Fluechtlinge (Demo)")
    pdf.set_subject("Platzhalter")
    pdf.set_lang("de")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, title)
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.set_text_color(160, 40, 20)
    pdf.multi_cell(0, 6, PLACEHOLDER_NOTICE)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line)
        pdf.ln(2)
    return bytes(pdf.output())
