"""What a person and a studio do now, from the activities: on a person's page their talks and
services and, for members of the 宣讲团, their topics; on a studio's card its open days and skill shows."""

from __future__ import annotations

import streamlit as st

from hall.activities import STUDIO_KINDS, Kind
from hall.labels import t
from hall.pack import Catalog, Honoree
from hall.pack.records import Studio
from hall.ui import activities as ui
from hall.ui.nav import link
from hall.ui.text import plain
from hall.ui.widgets import kiosk

SHOWN = 4  # a person's latest activities listed on their page


def person_now(h: Honoree, cat: Catalog, lang: str) -> None:
    """Their 宣讲团 topics, and their activities, coming first, then the latest."""
    acts = cat.activities
    member = acts.speakers.get(h.id)
    mine = acts.of_person(h.id)
    if member is None and not mine:
        return
    st.subheader(t("now_title", lang), anchor=False)
    if member is not None:
        since = t("now_since", lang, year=member.since) if member.since else ""
        st.markdown(f"**{t('now_member', lang)}**{plain(since)}：{plain('、'.join(member.topics))}")
    if not mine:
        return
    day = ui.today()
    coming = [a for a in mine if a.day >= day]
    been = [a for a in reversed(mine) if a.day < day]
    talks = sum(1 for a in mine if a.kind is not Kind.VOLUNTEER)
    st.caption(t("now_counts", lang, talks=talks, services=len(mine) - talks))
    for a in (coming + been)[:SHOWN]:
        link(ui.ROOM, plain(f"{ui.when(a, lang)} · {a.title.get(lang)}"), ":material/event:", id=a.id)
    if len(mine) > SHOWN and not kiosk():
        link(ui.ROOM, t("now_all", lang, name=plain(h.name), n=len(mine)), ":material/list:", speaker=h.id)


def studio_now(s: Studio, cat: Catalog, lang: str) -> None:
    """A studio's open days and skill shows: how many, and the next one."""
    mine = [a for a in cat.activities.of_studio(s.id) if a.kind in STUDIO_KINDS]
    if not mine:
        return
    day = ui.today()
    upcoming = next((a for a in mine if a.day >= day), None)
    shows = sum(1 for a in mine if a.kind is Kind.SKILL_SHOW)
    line = t("now_studio", lang, open_days=len(mine) - shows, shows=shows)
    if upcoming is not None:
        line += t("now_studio_next", lang, when=ui.when(upcoming, lang))
    st.caption(plain(line))
    if upcoming is not None and not kiosk():
        link(ui.ROOM, plain(upcoming.title.get(lang)), ":material/event:", id=upcoming.id)
