"""Placeholder working papers for the demo site: real PDFs that say, in their
text, that they are placeholders (so that search and readers both see it).

The PDFs are committed in ``demo/files/working-papers/``, one per paper of
``demo.checkup.working_papers()``; the loader only reads them, so production
carries no PDF library. ``scripts/demo_placeholder_pdfs.py`` writes them with
fpdf2 (a dev dependency): run it again after renaming a field of action or a
measure (``tests/demo/test_checkup.py`` fails while a paper is out of date).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAPERS_DIR = Path(__file__).resolve().parent / "files" / "working-papers"

PLACEHOLDER_NOTICE = (
    "PLATZHALTER - Dies ist kein echtes Arbeitspapier. Dieses Dokument wurde für die "
    "Demo-Inhalte der Website erzeugt und enthält keine Angaben der Stadt Flensburg."
)


@dataclass(frozen=True)
class WorkingPaper:
    """A placeholder PDF: its file name, its title (the document's and the
    PDF's) and the lines it shows below the placeholder notice."""

    filename: str
    title: str
    lines: tuple[str, ...]


def placeholder_pdf(paper: WorkingPaper) -> bytes:
    """The committed PDF of a placeholder working paper."""
    path = PAPERS_DIR / paper.filename
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: write it with scripts/demo_placeholder_pdfs.py"
        )
    return path.read_bytes()
