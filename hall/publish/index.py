"""The index by era (p/index.html, at /p/): the hall's light front page, each era with its count
and a link to its people, and the studios."""

from __future__ import annotations

from collections.abc import Iterator

from hall.labels import t
from hall.pack import Catalog
from hall.publish import eras
from hall.publish.kinds import Context, Page
from hall.publish.markup import LANG, description, document, enter, esc
from hall.publish.urls import INDEX, STUDIO_INDEX, relative


def pages(cat: Catalog, ctx: Context) -> Iterator[Page]:
    site, here = ctx.site, INDEX
    picture = ctx.hall_card("")
    hall = cat.info.name.zh
    body = [
        f"<h1>{esc(hall)}</h1>",
        f"<p>{esc(t('light_index_intro', LANG, hall=hall))}</p>",
        enter(site.hall_url("/"), t("light_enter_hall", LANG)),
        f"<h2>{esc(t('light_index_title', LANG))}</h2>",
    ]
    for era in cat.eras:
        count = cat.count("era", era.id)
        link = relative(here, eras.files_of(era.id, count)[0])
        body.append(
            f'<h3><a href="{esc(link)}">{esc(era.name.zh)}</a></h3>'
            f'<p class="note">{esc(era.span(LANG))} · {esc(t("light_people_count", LANG, n=count))}</p>'
        )
        if era.intro.zh:
            body.append(f"<p>{esc(era.intro.zh)}</p>")
    if cat.studios:
        link = relative(here, STUDIO_INDEX)
        body.append(
            f'<h2><a href="{esc(link)}">{esc(t("light_studios_title", LANG))}</a></h2>'
            f'<p class="note">{esc(t("light_studio_count", LANG, n=len(cat.studios)))}</p>'
        )
    summary = description(t("light_index_intro", LANG, hall=hall))
    yield Page(
        here,
        document(site, here, title=hall, summary=summary, image=picture[0], body="\n".join(body)),
        picture,
    )
