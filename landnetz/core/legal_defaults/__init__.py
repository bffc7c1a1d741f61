"""Default texts of the legal pages, one Markdown file per page and language.

The first line ``# Title`` is the page title. Operators edit the pages afterwards in
the site (network admins); the defaults are only inserted where a page is missing.
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def default_pages() -> list[tuple[str, str, str, str]]:
    """(slug, language, title, body) for every bundled file."""
    pages = []
    for path in sorted(FOLDER.glob("*.md")):
        slug, language = path.stem.rsplit(".", 1)
        title_line, _, body = path.read_text(encoding="utf-8").partition("\n")
        pages.append((slug, language, title_line.lstrip("# ").strip(), body.strip()))
    return pages
