"""Write the demo's placeholder working papers (demo/files/working-papers/*.pdf).

The demo loader (``demo.checkup``) attaches a placeholder PDF to every status
analysis and measure sheet of the Check Up Integration. The PDFs are
committed, so the site needs no PDF library at run time; this script makes
them with fpdf2 from the ``dev`` extra, one per paper of
``demo.checkup.working_papers()``:

    .venv/bin/python scripts/demo_placeholder_pdfs.py

Run it after renaming a field of action or a measure in demo/checkup.py and
commit the result (tests/demo/test_checkup.py fails while a committed paper
is out of date). The output is reproducible (fixed creation date): a paper
whose text did not change stays byte for byte the same. PDFs in the folder
that no paper names any more are deleted.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

from fpdf import FPDF

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from demo.placeholders import (  # noqa: E402
    PAPERS_DIR,
    PLACEHOLDER_NOTICE,
    WorkingPaper,
)

# Fixed, so that the same text gives the same bytes (the date the demo's news
# says the working papers were published).
CREATED = datetime.datetime(2017, 9, 15, tzinfo=datetime.UTC)

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


def placeholder_pdf(paper: WorkingPaper) -> bytes:
    """A one-page A4 PDF with the title, the placeholder notice and the lines."""
    title, lines = _latin1(paper.title), [_latin1(line) for line in paper.lines]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
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
    pdf.multi_cell(0, 6, _latin1(PLACEHOLDER_NOTICE))
    pdf.set_text_color(0, 0, 0)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line)
        pdf.ln(2)
    return bytes(pdf.output())


def working_papers() -> list[WorkingPaper]:
    """The demo's papers (demo.checkup imports models: Django must be set up)."""
    from demo.checkup import working_papers

    return working_papers()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "flensburg_site.settings.dev")
    import django

    django.setup()
    PAPERS_DIR.mkdir(parents=True, exist_ok=True)
    papers = working_papers()
    written = 0
    for paper in papers:
        path = PAPERS_DIR / paper.filename
        data = placeholder_pdf(paper)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            written += 1
            print(f"wrote {path.relative_to(BASE)} ({len(data)} bytes)")
    wanted = {paper.filename for paper in papers}
    for path in sorted(PAPERS_DIR.glob("*.pdf")):
        if path.name not in wanted:
            path.unlink()
            print(f"deleted {path.relative_to(BASE)}")
    print(f"{len(papers)} placeholder papers, {written} written.")


if __name__ == "__main__":
    main()
