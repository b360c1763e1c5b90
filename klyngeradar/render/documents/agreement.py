"""Write the standard collaboration agreement as an editable .docx, and as PDF via LibreOffice.

The content comes from `klyngeradar.core.agreements.document.agreement_sections`;
this module only writes it: a title, each section as a heading with its
paragraphs and a table, in Word's built-in styles so that the organisation can
restyle the document in Word or LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from klyngeradar.core.agreements.document import AgreementText, Clause, agreement_sections
from klyngeradar.render.atomic import writes_atomically

LIBREOFFICE_NAMES = ("libreoffice", "soffice")
PDF_TIMEOUT_SECONDS = 120


class PdfUnavailable(Exception):
    """PDF cannot be made here (LibreOffice missing or failing); the .docx still can."""


@writes_atomically
def write_agreement_docx(
    agreement: AgreementText, path: str | Path, *, clauses: tuple[Clause, ...] | None = None
) -> Path:
    """Write ``agreement`` as the standard agreement (.docx) to ``path`` and return it."""
    from docx import Document
    from docx.shared import Pt

    path = Path(path)
    document = Document()
    document.core_properties.title = agreement.title
    document.core_properties.language = "da-DK"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)

    document.add_heading(f"Samarbejdsaftale: {agreement.title}", level=0)
    document.add_paragraph(
        f"Udkast dannet {agreement.as_of:%d.%m.%Y} af Klyngeradar. "
        "Dokumentet kan redigeres frit før underskrift."
    ).runs[0].italic = True

    for number, section in enumerate(agreement_sections(agreement, clauses), start=1):
        document.add_heading(f"{number}. {section.heading}", level=1)
        for text in section.paragraphs:
            document.add_paragraph(text)
        if section.table:
            _table(document, section.table)
    document.save(str(path))
    return path


def _table(document, rows: tuple[tuple[str, ...], ...]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    document.add_paragraph()


def libreoffice() -> str | None:
    """The LibreOffice program's path, or None when it is not installed."""
    for name in LIBREOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(docx_path: str | Path, out_dir: str | Path | None = None) -> Path:
    """Convert a .docx to PDF with ``libreoffice --headless``; PdfUnavailable when it cannot."""
    program = libreoffice()
    if program is None:
        raise PdfUnavailable(
            "PDF kræver LibreOffice, som ikke er installeret på serveren. "
            "Hent .docx-filen og gem den som PDF i Word eller LibreOffice."
        )
    docx_path = Path(docx_path)
    out_dir = Path(out_dir) if out_dir is not None else docx_path.parent
    # A private profile directory: a LibreOffice already open for the same user would
    # otherwise swallow the conversion and exit without writing anything.
    with tempfile.TemporaryDirectory(prefix="klyngeradar-lo-") as profile:
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out_dir),
                    str(docx_path),
                ],
                check=True,
                capture_output=True,
                text=True,
                timeout=PDF_TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise PdfUnavailable(f"LibreOffice kunne ikke lave PDF'en ({exc}).") from exc
        pdf = out_dir / f"{docx_path.stem}.pdf"
        if not pdf.exists():
            # LibreOffice exits 0 even when it cannot load the file, e.g. when its Writer
            # component (Debian: libreoffice-writer) is not installed.
            raise PdfUnavailable(
                "LibreOffice kunne ikke lave PDF'en (er libreoffice-writer installeret?). "
                "Hent .docx-filen og gem den som PDF i Word eller LibreOffice."
            )
    return pdf
