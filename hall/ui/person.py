"""The parts of a person's page: the facts beside the portrait, the honours, their own media."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.pack import Catalog, Honoree
from hall.packmedia import recording
from hall.rooms import era_room
from hall.ui.data import settings
from hall.ui.nav import link
from hall.ui.text import plain


def facts(h: Honoree, cat: Catalog, lang: str) -> None:
    """Employer, position, district (as printed, and today's), industry, birth year, gender."""
    district = cat.district(h.district_code)
    place = h.district
    if district and district.name.zh != h.district:
        place = f"{h.district}（{t('district_now', lang, name=district.name.get(lang))}）"
    industry = next((i.name.get(lang) for i in cat.industries if i.name.zh == h.industry), h.industry)
    rows = [
        ("employer", h.employer),
        ("position", h.position),
        ("district", place),
        ("industry", industry),
        ("born", str(h.birth_year or "")),
        ("gender", h.gender if lang == "zh" else ""),
    ]
    for key, value in rows:
        if value:
            st.markdown(f"**{t(key, lang)}**：{plain(value)}")


def honours(h: Honoree, cat: Catalog, lang: str) -> None:
    """Each honour with its year and era; an honour of a known era links to that era's room."""
    st.subheader(t("honours", lang))
    if not h.honours:
        st.caption(t("no_honour_listed", lang))
    for honour in h.honours:
        year = str(honour.year) if honour.year else t("year_unknown", lang)
        era = cat.era(honour.era).name.get(lang) if honour.era else ""
        line = " · ".join(x for x in (year, cat.honour_name(honour.code, lang), era) if x)
        if honour.era:
            link(era_room(honour.era), plain(line), ":material/military_tech:")
        else:
            st.markdown(f":material/military_tech: {plain(line)}")


def recordings(h: Honoree, lang: str) -> None:
    """The person's film (with its captions) and recorded words (with their transcript), when
    the pack holds them (media/video/<id>.*, media/audio/<id>.*)."""
    pack = settings().pack
    film, sound = recording(pack, "video", h.id), recording(pack, "audio", h.id)
    if film:
        st.subheader(t("film", lang))
        st.video(film.url, subtitles=str(film.captions) if film.captions else None)
    if sound:
        st.subheader(t("recording", lang))
        st.audio(sound.url)
        if sound.transcript:
            with st.expander(t("transcript", lang)):
                st.markdown(plain(sound.transcript))
