"""An era's light pages: its name, years and intro, then its people in the hall's order, a few
hundred a page, each a link to their own light page."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hall.labels import t
from hall.pack import Catalog, Era, Honoree
from hall.publish import people
from hall.publish.kinds import Context, Page, best_honour
from hall.publish.markup import LANG, description, document, enter, esc, listing, pager
from hall.publish.urls import ERAS, list_files, relative
from hall.rooms import era_room, room

PREFIX = ERAS
PER_PAGE = 150  # about 18 KB of list: every page stays well under 30 KB


def files_of(era_id: str, count: int) -> list[str]:
    """The mirror files of an era with `count` people: e/<id>.html, then e/<id>-2.html, …"""
    return list_files(PREFIX, era_id, count, PER_PAGE)


def pages(cat: Catalog, ctx: Context) -> Iterator[Page]:
    """Every era's pages."""
    for era in cat.eras:
        yield from era_pages(era, cat.members("era", era.id), cat, ctx)


def era_pages(era: Era, members: Sequence[Honoree], cat: Catalog, ctx: Context) -> Iterator[Page]:
    site = ctx.site
    files = files_of(era.id, len(members))
    picture = ctx.hall_card(era.id)
    name = era.name.zh
    count = t("light_people_count", LANG, n=len(members))
    for i, here in enumerate(files):
        shown = members[i * PER_PAGE : (i + 1) * PER_PAGE]
        title = name if i == 0 else f"{name} · {t('light_page_of', LANG, page=i + 1, pages=len(files))}"
        body = [f"<h1>{esc(name)}</h1>", f'<p class="note">{esc(era.span(LANG))} · {esc(count)}</p>']
        if i == 0 and era.intro.zh:
            body.append(f"<p>{esc(era.intro.zh)}</p>")
        if i == 0 and era.traits:
            body.append(f"<p>{esc(t('era_traits', LANG))}：{esc('、'.join(x.zh for x in era.traits))}</p>")
        body.append(
            enter(site.hall_url("/" + room(era_room(era.id)).url), t("light_enter_era", LANG, era=name))
        )
        body.append(f"<h2>{esc(t('era_people', LANG))}</h2>")
        body.append(pager(files, i, here))
        body.append(
            listing([(relative(here, people.file_of(h.id)), h.name, _note(h, cat, era.id)) for h in shown])
        )
        body.append(pager(files, i, here))
        summary = description(f"{name}（{era.span(LANG)}），{count}。", era.intro.zh)
        yield Page(
            here,
            document(site, here, title=title, summary=summary, image=picture[0], body="\n".join(body)),
            picture,
        )


def _note(h: Honoree, cat: Catalog, era: str) -> str:
    note = best_honour(h, cat, era)
    return f"{note}（{t('sample_tag', LANG)}）" if h.sample else note
