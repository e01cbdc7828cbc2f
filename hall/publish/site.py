"""The files about the mirror as a whole: sitemap.xml (an index of several past 50,000 pages, the
protocol's limit), robots.txt (light pages welcome, the live hall not: a crawler there would
start a Python session per page for nothing it can read) and the stylesheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

SITEMAP = "sitemap.xml"
SITEMAP_LIMIT = 50_000  # URLs one sitemap file may list (sitemaps.org)
_XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def sitemaps(
    listed: Sequence[str],
    url: Callable[[str], str],
    changed_on: Callable[[str], str],
    limit: int = SITEMAP_LIMIT,
) -> dict[str, bytes]:
    """sitemap.xml, and when there are more pages than `limit`, sitemap-1.xml … it indexes."""
    chunks = [listed[i : i + limit] for i in range(0, len(listed), limit)] or [[]]

    def urlset(files: Sequence[str]) -> bytes:
        rows = "".join(
            f"<url><loc>{escape(url(f))}</loc><lastmod>{changed_on(f)}</lastmod></url>\n" for f in files
        )
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {_XMLNS}>\n{rows}</urlset>\n'.encode()

    if len(chunks) == 1:
        return {SITEMAP: urlset(chunks[0])}
    out = {f"sitemap-{i + 1}.xml": urlset(chunk) for i, chunk in enumerate(chunks)}
    rows = "".join(f"<sitemap><loc>{escape(url(name))}</loc></sitemap>\n" for name in out)
    out[SITEMAP] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {_XMLNS}>\n{rows}</sitemapindex>\n'.encode()
    )
    return out


def robots(prefixes: Sequence[str], sitemap_url: str) -> bytes:
    """Crawlers may read the light pages and nothing of the live hall."""
    lines = ["User-agent: *", *(f"Allow: /{p}/" for p in prefixes), "Disallow: /"]
    if sitemap_url.startswith(("http://", "https://")):  # the protocol wants a full address
        lines.append(f"Sitemap: {sitemap_url}")
    return ("\n".join(lines) + "\n").encode()
