"""The text inside a file, for search: PDF, Word, Excel, PowerPoint, OpenDocument and text.

Extraction serves search only, so it never fails an upload: a damaged or hostile file
yields the text read before the failure (usually none) and a log line. The work is bounded
by size (``MAX_TEXT`` characters; archives that would expand past ``MAX_TOTAL_BYTES`` are
skipped) and by time: every loop checks a deadline and stops with what it has.
"""

from __future__ import annotations

import logging
import time
import zipfile

from defusedxml import ElementTree

logger = logging.getLogger(__name__)

MAX_TEXT = 1_000_000
MAX_SECONDS = 10.0
# Office formats are zip archives; a member that would expand beyond this is a bomb or far
# more text than search needs.
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PAGES = 2000
MAX_ROWS = 200_000


class Budget:
    """Collects text until it has enough or runs out of time."""

    def __init__(self, limit: int = MAX_TEXT, seconds: float = MAX_SECONDS):
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.deadline = time.monotonic() + seconds

    @property
    def spent(self) -> bool:
        return self.size >= self.limit or time.monotonic() > self.deadline

    def add(self, text) -> bool:
        """Add some text; False once the budget is spent (callers stop looping)."""
        if self.spent:
            return False
        text = str(text).strip() if text is not None else ""
        if text:
            self.parts.append(text)
            self.size += len(text) + 1
        return not self.spent

    def text(self) -> str:
        # NUL cannot be stored in PostgreSQL text; other control characters are harmless.
        return "\n".join(self.parts)[: self.limit].replace("\x00", "")


def _check_zip(stream) -> None:
    with zipfile.ZipFile(stream) as archive:
        infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise ValueError("the archive expands beyond the extraction limit")
    stream.seek(0)


def _pdf(stream, budget: Budget) -> None:
    from pypdf import PdfReader

    reader = PdfReader(stream)
    if reader.is_encrypted:
        # Many PDFs are "encrypted" with an empty password only to restrict printing.
        reader.decrypt("")
    for index, page in enumerate(reader.pages):
        if index >= MAX_PAGES or not budget.add(page.extract_text()):
            break


def _docx(stream, budget: Budget) -> None:
    import docx

    _check_zip(stream)
    document = docx.Document(stream)
    for paragraph in document.paragraphs:
        if not budget.add(paragraph.text):
            return
    for table in document.tables:
        for row in table.rows:
            if not budget.add(" ".join(cell.text for cell in row.cells)):
                return


def _xlsx(stream, budget: Budget) -> None:
    from openpyxl import load_workbook

    _check_zip(stream)
    workbook = load_workbook(stream, read_only=True, data_only=True)
    try:
        rows = 0
        for sheet in workbook.worksheets:
            budget.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                rows += 1
                values = " ".join(str(v) for v in row if v is not None)
                if rows > MAX_ROWS or not budget.add(values):
                    return
    finally:
        workbook.close()


def _pptx(stream, budget: Budget) -> None:
    from pptx import Presentation

    _check_zip(stream)
    for slide in Presentation(stream).slides:
        for shape in slide.shapes:
            if shape.has_text_frame and not budget.add(shape.text_frame.text):
                return
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    if not budget.add(" ".join(cell.text for cell in row.cells)):
                        return


def _opendocument(stream, budget: Budget) -> None:
    with zipfile.ZipFile(stream) as archive:
        info = archive.getinfo("content.xml")
        if info.file_size > MAX_MEMBER_BYTES:
            raise ValueError("content.xml is larger than the extraction limit")
        root = ElementTree.fromstring(archive.read(info))
    # Paragraphs and headings carry the text; joining every text node would glue words of
    # adjacent paragraphs together.
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    for element in root.iter():
        wanted = element.tag in (f"{{{text_ns}}}p", f"{{{text_ns}}}h")
        if wanted and not budget.add("".join(element.itertext())):
            return


def _text(stream, budget: Budget) -> None:
    data = stream.read(budget.limit * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            budget.add(data.decode(encoding))
            return
        except UnicodeDecodeError:
            continue
    budget.add(data.decode("latin-1"))


EXTRACTORS = {
    "pdf": _pdf,
    "docx": _docx,
    "xlsx": _xlsx,
    "pptx": _pptx,
    "odt": _opendocument,
    "ods": _opendocument,
    "odp": _opendocument,
    "text": _text,
    "csv": _text,
    "markdown": _text,
}


def extract_text(stream, type_key: str, *, limit: int = MAX_TEXT, seconds: float = MAX_SECONDS):
    """The searchable text of a file of the given type; "" when there is none or it fails."""
    extractor = EXTRACTORS.get(type_key)
    if extractor is None:
        return ""
    budget = Budget(limit, seconds)
    stream.seek(0)
    try:
        extractor(stream, budget)
    except Exception:
        # Parsers of hostile input fail in every way there is; search is not worth an upload.
        logger.warning("Could not extract the text of a %s file", type_key, exc_info=True)
    finally:
        stream.seek(0)
    return budget.text()
