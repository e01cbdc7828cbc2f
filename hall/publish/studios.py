"""A studio's light page (劳模/工匠创新工作室): what can be seen there, whether it takes visits,
who leads it (a link to their light page); and the list of every studio."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from hall.labels import t
from hall.pack import Catalog, Studio
from hall.publish import people
from hall.publish.images import share_image
from hall.publish.kinds import Context, Page
from hall.publish.markup import LANG, description, document, enter, esc, listing, pager, sources
from hall.publish.urls import STUDIOS, list_files, page_file, relative

PREFIX = STUDIOS
PER_PAGE = 150


def file_of(studio_id: str) -> str:
    return page_file(PREFIX, studio_id)


def pages(cat: Catalog, ctx: Context) -> Iterator[Page]:
    """A page for every studio, then the list of them all (s/index.html, paged)."""
    if not cat.studios:
        return
    for s in cat.studios:
        yield page(s, cat, ctx)
    yield from _list(cat, ctx)


def page(s: Studio, cat: Catalog, ctx: Context) -> Page:
    site, here = ctx.site, file_of(s.id)
    leader = cat.honoree(s.leader_id) if s.leader_id and cat.has(s.leader_id) else None
    # The preview shows who leads the studio; a studio without a known leader shows the hall's card.
    picture = share_image(leader, ctx.static_dir) if leader else ctx.hall_card("")
    district = cat.district(s.district_code)
    where = district.name.zh if district else s.district
    level = t("studio_level", LANG, level=t(f"level_{s.level.value}", LANG))
    visits = t("studio_open" if s.open_for_visits else "studio_closed", LANG)
    sample = t("light_sample_title", LANG) if s.sample else ""
    rows = [
        (t("light_studio_level", LANG), level),
        (t("district", LANG), where),
        (t("light_studio_visits", LANG), visits),
    ]
    body = [
        "<article>",
        f"<h1>{esc(s.name)}</h1>",
        f'<p><span class="badge">{esc(t("light_sample_record", LANG))}</span></p>' if s.sample else "",
        enter(
            site.hall_url(f"/studios?district={quote(s.district_code, safe='')}"),
            t("light_enter_studio", LANG),
        ),
        "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v) + "</dl>",
    ]
    if leader:
        link = relative(here, people.file_of(leader.id))
        body.append(
            f'<p>{esc(t("light_studio_leader", LANG))}：<a href="{esc(link)}">{esc(leader.name)}</a></p>'
        )
    if s.what_to_see:
        body.append(f"<h2>{esc(t('light_studio_what', LANG))}</h2><p>{esc(s.what_to_see)}</p>")
    if s.source:
        body.append(sources(s.source))
    body.append("</article>")
    summary = description(
        t("sample_tag", LANG) + "：" if s.sample else "",
        "，".join(x for x in (s.name, level, where, visits) if x) + "。",
        s.what_to_see,
    )
    html = document(
        site, here, title=f"{s.name}{sample}", summary=summary, image=picture[0], body="\n".join(body)
    )
    return Page(here, html, picture)


def _list(cat: Catalog, ctx: Context) -> Iterator[Page]:
    site = ctx.site
    files = list_files(PREFIX, "index", len(cat.studios), PER_PAGE)
    picture = ctx.hall_card("")
    title = t("light_studios_title", LANG)
    count = t("light_studio_count", LANG, n=len(cat.studios))
    for i, here in enumerate(files):
        shown = cat.studios[i * PER_PAGE : (i + 1) * PER_PAGE]
        items = []
        for s in shown:
            district = cat.district(s.district_code)
            note = district.name.zh if district else s.district
            items.append(
                (
                    relative(here, file_of(s.id)),
                    s.name,
                    f"{note}（{t('sample_tag', LANG)}）" if s.sample else note,
                )
            )
        body = [
            f"<h1>{esc(title)}</h1>",
            f'<p class="note">{esc(count)}</p>',
            enter(site.hall_url("/studios"), t("light_enter_studio", LANG)),
            pager(files, i, here),
            listing(items),
            pager(files, i, here),
        ]
        summary = description(f"{title}，{count}。")
        yield Page(
            here,
            document(site, here, title=title, summary=summary, image=picture[0], body="\n".join(body)),
            picture,
        )
