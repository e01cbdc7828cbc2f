"""An activity's light page (a/<id>.html): what, when, what kind and 五进 setting, where, who took part
(each a link to their light page), the audience, online or on site, the summary and the source;
the list of every activity by year, latest first (a/index.html, paged); and the short list of a
person's latest activities that their own light page shows.

Nothing here depends on today's date: a page changes only when its record does, so the mirror is
not rewritten every morning (the live hall's 活动 room says what is coming and what has been).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from urllib.parse import quote

from hall.activities import Activity
from hall.labels import t
from hall.pack import Catalog, Studio, schema
from hall.publish.kinds import Context, Page
from hall.publish.markup import LANG, Site, a, description, document, enter, esc, pager, sources
from hall.publish.urls import ACTIVITIES, PEOPLE, STUDIOS, list_files, page_file, relative

PREFIX = ACTIVITIES
# An item of the list is a title, a date, a kind and a district: about 200 bytes, so a page of
# 100 is about 20 KB and stays under 30 KB with the frame, even with long studio names.
PER_PAGE = 100
RECENT = 5  # the latest activities a person's page lists; the rest are in the live hall


def file_of(activity_id: str) -> str:
    return page_file(PREFIX, activity_id)


def shown(field: str) -> bool:
    return schema.ACTIVITY.field(field).published


def pages(cat: Catalog, ctx: Context) -> Iterator[Page]:
    """A page for every activity, then the list of them all by year (a/index.html, paged)."""
    acts = cat.activities
    if not len(acts):
        return
    studios = {s.id: s for s in cat.studios}
    for item in acts.items:
        yield page(item, cat, ctx, studios.get(item.studio_id))
    yield from _index(acts.items[::-1], cat, ctx)


def page(act: Activity, cat: Catalog, ctx: Context, studio: Studio | None = None) -> Page:
    """The activity's page; `studio` is the studio it was held at, when the pack has it."""
    site, here = ctx.site, file_of(act.id)
    # No activity has a picture of its own: the hall's card, as a studio without a leader has.
    picture = ctx.hall_card("")
    title = act.title.zh
    sample = t("light_sample_title", LANG) if act.sample else ""
    when = when_of(act, long=True)
    kind = t(f"act_kind_{act.kind.value}", LANG)
    where = place_of(act, cat)
    rows = [
        (t("act_when", LANG), when),
        (t("act_kind", LANG), kind),
        (t("act_setting", LANG), t(f"act_setting_{act.setting}", LANG) if act.setting else ""),
        (t("act_where", LANG), where),
        (
            t("act_how", LANG),
            t("act_online" if act.online else "act_on_site", LANG) if shown("online") else "",
        ),
        (t("act_reached", LANG), f"{act.audience:,}" if act.audience and shown("audience") else ""),
    ]
    body = [
        "<article>",
        f"<h1>{esc(title)}</h1>",
        f'<p><span class="badge">{esc(t("light_sample_activity", LANG))}</span></p>' if act.sample else "",
        enter(site.hall_url(f"/activities?id={quote(act.id, safe='')}"), t("light_enter_activity", LANG)),
        "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows if v) + "</dl>",
    ]
    if studio is not None:
        link = relative(here, page_file(STUDIOS, studio.id))
        body.append(f"<p>{esc(t('light_activity_studio', LANG))}：{a(link, studio.name)}</p>")
    if act.summary and shown("summary"):
        body.append(f"<p>{esc(act.summary)}</p>")
    speakers = [cat.honoree(h) for h in act.speakers if cat.has(h)]
    if speakers:
        items = "".join(f"<li>{a(relative(here, page_file(PEOPLE, h.id)), h.name)}</li>" for h in speakers)
        body.append(f"<h2>{esc(t('act_speakers', LANG))}</h2><ul>{items}</ul>")
    if act.source and shown("source"):
        body.append(sources(act.source))
    body.append("</article>")
    summary = description(
        t("sample_tag", LANG) + "：" if act.sample else "",
        "，".join(x for x in (title, when, kind, where) if x) + "。",
        act.summary if shown("summary") else "",
    )
    # The date and district in the title too: sample titles repeat ("农技劳模送技术下乡").
    district = _district(act, cat)
    one_line = " ".join(title.split())  # a page title is one line, whatever the cell holds
    full = " · ".join(x for x in (f"{one_line}{sample}", when_of(act, long=False), district) if x)
    html = document(site, here, title=full, summary=summary, image=picture[0], body="\n".join(body))
    return Page(here, html, picture)


def when_of(act: Activity, *, long: bool) -> str:
    """The date as the hall writes it in Chinese; `long` adds the weekday, start time and length."""
    d = act.day
    if act.precision == "year":
        return f"{d.year}年"
    if act.precision == "month":
        return f"{d.year}年{d.month}月"
    text = f"{d.year}年{d.month}月{d.day}日"
    if not long:
        return f"{text} {act.start}" if act.start else text
    text += " " + t(f"act_weekday_{d.weekday()}", LANG)
    if act.start:
        text += f" {act.start}"
        if act.minutes and shown("minutes"):
            text += "，" + t("light_activity_minutes", LANG, n=act.minutes)
    return text


def _district(act: Activity, cat: Catalog) -> str:
    """Today's district name (the pack's own), or as written when the pack does not know it."""
    today = cat.district(act.district_code)
    return today.name.zh if today else act.district


def place_of(act: Activity, cat: Catalog) -> str:
    """The place and its district, as written and today's name when they differ (as people's
    pages write a district); the district left out when the place already names it."""
    today = cat.district(act.district_code)
    district = act.district or (today.name.zh if today else "")
    if today and act.district and today.name.zh != act.district:
        district = f"{act.district}（{t('district_now', LANG, name=today.name.zh)}）"
    place = act.place if shown("place") else ""
    if district and (act.district or district) in place:
        district = ""
    return " · ".join(x for x in (place, district) if x)


def _note(act: Activity, cat: Catalog) -> str:
    note = " · ".join(
        x for x in (when_of(act, long=False), t(f"act_kind_{act.kind.value}", LANG), _district(act, cat)) if x
    )
    return f"{note}（{t('sample_tag', LANG)}）" if act.sample else note


def _items(shown_: Sequence[Activity], cat: Catalog, here: str) -> str:
    rows = "".join(
        f"<li>{a(relative(here, file_of(x.id)), x.title.zh)}"
        f' <span class="note">{esc(_note(x, cat))}</span></li>'
        for x in shown_
    )
    return f'<ul class="acts">{rows}</ul>'


def _index(newest_first: Sequence[Activity], cat: Catalog, ctx: Context) -> Iterator[Page]:
    site = ctx.site
    files = list_files(PREFIX, "index", len(newest_first), PER_PAGE)
    picture = ctx.hall_card("")
    title = t("light_activities_title", LANG)
    count = t("light_activity_count", LANG, n=len(newest_first))
    # Where each year starts: the year links lead to that page, at the year's heading.
    starts: dict[int, int] = {}
    for n, act in enumerate(newest_first):
        starts.setdefault(act.day.year, n // PER_PAGE)
    for i, here in enumerate(files):
        chunk = newest_first[i * PER_PAGE : (i + 1) * PER_PAGE]
        years = []
        for year, at in starts.items():
            target = f"#y{year}" if at == i else f"{relative(here, files[at])}#y{year}"
            years.append(f"<li>{a(target, t('light_activity_year', LANG, year=year))}</li>")
        body = [
            f"<h1>{esc(title)}</h1>",
            f'<p class="note">{esc(count)}</p>',
            f"<p>{esc(t('light_activities_intro', LANG))}</p>" if i == 0 else "",
            enter(site.hall_url("/activities"), t("light_enter_activities", LANG)),
            f'<nav aria-label="{esc(t("light_activity_years", LANG))}">'
            f'<ul class="years">{"".join(years)}</ul></nav>',
            pager(files, i, here),
        ]
        group: list[Activity] = []
        for act in chunk:
            if group and group[-1].day.year != act.day.year:
                body.append(_year(group, cat, here))
                group = []
            group.append(act)
        if group:
            body.append(_year(group, cat, here))
        body.append(pager(files, i, here))
        page_title = (
            title if i == 0 else f"{title} · {t('light_page_of', LANG, page=i + 1, pages=len(files))}"
        )
        summary = description(f"{title}，{count}。", t("light_activities_intro", LANG))
        yield Page(
            here,
            document(
                site,
                here,
                title=page_title,
                summary=summary,
                image=picture[0],
                body="\n".join(b for b in body if b),
            ),
            picture,
        )


def _year(group: Sequence[Activity], cat: Catalog, here: str) -> str:
    year = group[0].day.year
    return f'<h2 id="y{year}">{esc(t("light_activity_year", LANG, year=year))}</h2>' + _items(
        group, cat, here
    )


def recent(honoree_id: str, cat: Catalog, site: Site, here: str) -> str:
    """A person's latest activities (RECENT of them, latest first), each a link to its light page,
    and how many there are in all with the way to them in the live hall; "" when none."""
    theirs = cat.activities.of_person(honoree_id)
    if not theirs:
        return ""
    latest = sorted(theirs, key=lambda x: (x.day, x.start, x.id), reverse=True)[:RECENT]
    parts = [f"<h2>{esc(t('light_recent_activities', LANG))}</h2>", _items(latest, cat, here)]
    if len(theirs) > RECENT:
        link = site.hall_url(f"/activities?speaker={quote(honoree_id, safe='')}")
        parts.append(f'<p class="note">{a(link, t("light_more_activities", LANG, n=len(theirs)))}</p>')
    return "".join(parts)
