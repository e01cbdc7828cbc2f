"""A person's light page: portrait, name, honours, facts, deeds, words and sources — the published
fields of hall.pack.schema only, and the way into their page in the live hall."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from hall.labels import t
from hall.pack import Catalog, Honoree, schema
from hall.publish import activities
from hall.publish.images import share_image
from hall.publish.kinds import Context, Page, best_honour
from hall.publish.markup import LANG, description, document, enter, esc, sources
from hall.publish.urls import ERAS, PEOPLE, page_file, relative

PREFIX = PEOPLE
# Facts shown as a list, by schema field (a field the schema marks unpublished is left out).
FACTS = ("employer", "position", "district", "industry", "birth_year", "gender")
FACT_LABELS = {"birth_year": "born"}


def file_of(honoree_id: str) -> str:
    return page_file(PREFIX, honoree_id)


def shown(field: str) -> bool:
    return schema.HONOREE.field(field).published


def pages(cat: Catalog, ctx: Context) -> Iterator[Page]:
    """One page for every person of the catalogue."""
    for h in cat.honorees:
        yield page(h, cat, ctx)


def page(h: Honoree, cat: Catalog, ctx: Context) -> Page:
    site, here = ctx.site, file_of(h.id)
    picture, drawing = share_image(h, ctx.static_dir)
    honour = best_honour(h, cat)
    sample = t("light_sample_title", LANG) if h.sample else ""
    title = " · ".join(x for x in (f"{h.name}{sample}", honour) if x)
    work = "".join(
        x for x in (h.employer if shown("employer") else "", h.position if shown("position") else "")
    )
    summary = description(
        t("sample_tag", LANG) + "：" if h.sample else "",
        "，".join(x for x in (h.name, honour, work) if x) + "。",
        h.paragraphs[0] if h.paragraphs and shown("deeds") else "",
    )
    body = [
        "<article>",
        f'<img class="face" src="{esc(relative(here, picture.file))}" width="300"'
        f' height="{300 * picture.height // picture.width}" alt="{esc(picture.alt)}">',
        f"<h1>{esc(h.name)}</h1>",
    ]
    if h.name_en and shown("name_en"):
        body.append(f'<p class="en" lang="zh-Latn">{esc(h.name_en)}</p>')
    if h.sample:
        body.append(f'<p><span class="badge">{esc(t("light_sample_person", LANG))}</span></p>')
    body.append(
        enter(
            site.hall_url(f"/honoree?id={quote(h.id, safe='')}"), t("light_enter_person", LANG, name=h.name)
        )
    )
    body.append(_facts(h, cat))
    body.append(_honours(h, cat, here))
    if h.paragraphs and shown("deeds"):
        body.append(f"<h2>{esc(t('deeds', LANG))}</h2>")
        body += [f"<p>{esc(p)}</p>" for p in h.paragraphs]
    if h.quote and shown("quote"):
        body.append(f"<h2>{esc(t('quote', LANG))}</h2><blockquote><p>{esc(h.quote)}</p></blockquote>")
    body.append(activities.recent(h.id, cat, site, here))
    if h.source and shown("source"):
        body.append(sources(h.source))
    body.append("</article>")
    html = document(
        site, here, title=title, summary=summary, image=picture, body="\n".join(body), kind="profile"
    )
    return Page(here, html, (picture, drawing))


def _facts(h: Honoree, cat: Catalog) -> str:
    rows = []
    for field in FACTS:
        if not shown(field):
            continue
        value = getattr(h, field)
        if field == "district" and value:
            today = cat.district(h.district_code)
            if today and today.name.zh != value:
                value = f"{value}（{t('district_now', LANG, name=today.name.zh)}）"
        if value:
            rows.append(f"<dt>{esc(t(FACT_LABELS.get(field, field), LANG))}</dt><dd>{esc(value)}</dd>")
    return f"<dl>{''.join(rows)}</dl>" if rows else ""


def _honours(h: Honoree, cat: Catalog, here: str) -> str:
    items = []
    for honour in h.honours:
        year = str(honour.year) if honour.year else t("year_unknown", LANG)
        line = f"{year} · {cat.honour_name(honour.code)}"
        if honour.era:
            era = cat.era(honour.era).name.zh
            link = relative(here, page_file(ERAS, honour.era))
            items.append(f'<li>{esc(line)} · <a href="{esc(link)}">{esc(era)}</a></li>')
        else:
            items.append(f"<li>{esc(line)}</li>")
    if not items:
        return f"<h2>{esc(t('honours', LANG))}</h2><p>{esc(t('no_honour_listed', LANG))}</p>"
    return f"<h2>{esc(t('honours', LANG))}</h2><ul>{''.join(items)}</ul>"
