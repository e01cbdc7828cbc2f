"""The frame of every light page: one HTML5 document with its share-preview tags, landmarks and
the hall's look. Every text is escaped here or by the caller with `esc`: nothing a record holds
can become markup."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hall.citations import citations
from hall.labels import t
from hall.publish.urls import (
    ACTIVITY_INDEX,
    ASSETS,
    ERAS,
    INDEX,
    STUDIO_INDEX,
    Style,
    absolute,
    address,
    page_file,
    relative,
)

LANG = "zh"  # the pages speak the hall's first language; names carry their pinyin
CSS = (Path(__file__).with_name("light.css")).read_text(encoding="utf-8")
CSS_FILE = f"{ASSETS}/light-{hashlib.sha1(CSS.encode(), usedforsecurity=False).hexdigest()[:10]}.css"
DESCRIPTION_CHARS = 120  # what chat apps and search engines show of a description


def esc(text: object) -> str:
    """Text made inert for HTML, in element content and in double-quoted attributes alike."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True, slots=True)
class ShareImage:
    """A page's preview picture: a mirror file, its pixel size and what it shows."""

    file: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True, slots=True)
class Site:
    """What every page of one publication shares."""

    hall: str  # the hall's name
    organiser: str
    base_url: str  # the public address, "" when the hall has none configured
    style: Style
    sample_data: bool
    eras: tuple[tuple[str, str], ...]  # (era id, name) in order, for the footer's links
    activities: bool = False  # whether there are activity pages (a/) for the footer to link to

    def url(self, file: str) -> str:
        """A mirror file's public address (absolute when the hall has one)."""
        return absolute(self.base_url, address(file, self.style))

    def hall_url(self, path: str) -> str:
        """A page of the live hall (path such as /honoree?id=r001)."""
        return absolute(self.base_url, path)


def description(*parts: str) -> str:
    """One line about the record, cut to what a preview shows."""
    text = ""
    for part in (" ".join(p.split()) for p in parts if p and p.strip()):
        # Chinese runs on after its own punctuation; a space only after Latin text.
        text += part if not text or text[-1] in "。：，；！？）" else " " + part
    return text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…"


def document(
    site: Site,
    file: str,
    *,
    title: str,
    summary: str,
    image: ShareImage | None,
    body: str,
    kind: str = "website",
) -> str:
    """The whole page: `body` is markup the caller built with `esc`; the rest is escaped here."""
    full_title = f"{title} · {site.hall}" if title != site.hall else title
    canonical = site.url(file)
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(full_title)}</title>",
        f'<meta name="description" content="{esc(summary)}">',
        f'<link rel="canonical" href="{esc(canonical)}">',
        f'<meta property="og:type" content="{esc(kind)}">',
        f'<meta property="og:site_name" content="{esc(site.hall)}">',
        f'<meta property="og:title" content="{esc(full_title)}">',
        f'<meta property="og:description" content="{esc(summary)}">',
        f'<meta property="og:url" content="{esc(canonical)}">',
        '<meta property="og:locale" content="zh_CN">',
        # WeChat, QQ and Weibo read these microdata tags as well as (or instead of) og:*.
        f'<meta itemprop="name" content="{esc(full_title)}">',
        f'<meta itemprop="description" content="{esc(summary)}">',
    ]
    if image is not None:
        picture = site.url(image.file)
        head += [
            f'<meta property="og:image" content="{esc(picture)}">',
            f'<meta property="og:image:width" content="{image.width}">',
            f'<meta property="og:image:height" content="{image.height}">',
            f'<meta property="og:image:alt" content="{esc(image.alt)}">',
            f'<meta itemprop="image" content="{esc(picture)}">',
            '<meta name="twitter:card" content="summary">',
        ]
    head.append(f'<link rel="stylesheet" href="{esc(relative(file, CSS_FILE))}">')
    badge = f' <span class="badge">{esc(t("sample_badge", LANG))}</span>' if site.sample_data else ""
    eras = "".join(
        f"<li>{a(relative(file, page_file(ERAS, era_id)), name)}</li>" for era_id, name in site.eras
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN" itemscope itemtype="https://schema.org/WebPage">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + f'<a class="skip" href="#main">{esc(t("skip_to_content", LANG))}</a>\n'
        + "<header>"
        + a(relative(file, INDEX), site.hall, ' class="hall"')
        + f"{badge}</header>\n"
        + f'<main id="main">\n{body}\n</main>\n'
        + f'<nav aria-label="{esc(t("light_eras_nav", LANG))}"><ul>'
        + f'<li><a href="{esc(relative(file, INDEX))}">{esc(t("light_index_link", LANG))}</a></li>'
        + eras
        + f"<li>{a(relative(file, STUDIO_INDEX), t('light_studios', LANG))}</li>"
        + (
            f"<li>{a(relative(file, ACTIVITY_INDEX), t('light_activities', LANG))}</li>"
            if site.activities
            else ""
        )
        + "</ul></nav>\n"
        + f"<footer><p>{esc(site.organiser or site.hall)} · {esc(t('light_about', LANG))}</p></footer>\n"
        + "</body>\n</html>\n"
    )


def a(href: str, text: str, attrs: str = "") -> str:
    """A link; `attrs` is markup the caller made (fixed attributes, escaped values)."""
    return f'<a href="{esc(href)}"{attrs}>{esc(text)}</a>'


def enter(href: str, label: str) -> str:
    """The clear way into the live hall."""
    return f'<p><a class="enter" href="{esc(href)}">{esc(label)}</a></p>'


def listing(items: Sequence[tuple[str, str, str]]) -> str:
    """A list of links: (href, name, note) each; the note after the name, in plain text."""
    rows = "".join(
        f'<li><a href="{esc(href)}">{esc(name)}</a>' + (f" {esc(note)}" if note else "") + "</li>"
        for href, name, note in items
    )
    return f'<ul class="people">{rows}</ul>'


def pager(file_of: Sequence[str], current: int, here: str) -> str:
    """Links to the other pages of a long list (`file_of[i]` is page i+1's mirror file)."""
    if len(file_of) <= 1:
        return ""
    links = []
    if current > 0:
        links.append(a(relative(here, file_of[current - 1]), t("light_prev", LANG), ' rel="prev"'))
    for i, target in enumerate(file_of):
        if i == current:
            links.append(f'<span aria-current="page">{i + 1}</span>')
        elif abs(i - current) <= 3 or i in (0, len(file_of) - 1):
            label = t("light_page_of", LANG, page=i + 1, pages=len(file_of))
            links.append(f'<a href="{esc(relative(here, target))}" aria-label="{esc(label)}">{i + 1}</a>')
    if current < len(file_of) - 1:
        links.append(a(relative(here, file_of[current + 1]), t("light_next", LANG), ' rel="next"'))
    label = esc(t("light_pager", LANG))
    return f'<div class="pager" role="navigation" aria-label="{label}">{"".join(links)}</div>'


def sources(source: str) -> str:
    """A record's sources by title, each a link when the source gives its address."""
    items = []
    for cite in citations(source):
        if cite.url:
            items.append(f'<li><a href="{esc(cite.url)}" rel="noopener">{esc(cite.title)}</a></li>')
        else:
            items.append(f"<li>{esc(cite.title)}</li>")
    return f"<h2>{esc(t('source', LANG))}</h2><ul>{''.join(items)}</ul>" if items else ""
