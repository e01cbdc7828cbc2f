"""The parts of a person's page: the first screen, facts, honours, story, media, sources, share."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.pack import Catalog, Honoree
from hall.packmedia import recording
from hall.rooms import era_room
from hall.ui import lineage
from hall.ui.cards import display_name, portrait_url
from hall.ui.data import catalog, settings
from hall.ui.doing_now import person_now
from hall.ui.guestbook import like_button
from hall.ui.kiosk import hand_off, reading_time, share_url
from hall.ui.listen import listen
from hall.ui.nav import link
from hall.ui.text import cited, plain
from hall.voice import reading as voice


def facts(h: Honoree, cat: Catalog, lang: str) -> None:
    """Employer, position, district (as printed, and today's), industry, birth year, gender."""
    district = cat.district(h.district_code)
    place = h.district
    if district and lang == "en":  # the cards' English name, and the record's own if it differs
        place = district.name.get(lang) + (f" ({h.district})" if district.name.zh != h.district else "")
    elif district and district.name.zh != h.district:
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
    st.subheader(t("honours", lang), anchor=False)
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
    sound = sound if lang != "zh" else None  # a Chinese page plays it at the top (听讲解)
    if film:
        st.subheader(t("film", lang), anchor=False)
        st.video(film.url, subtitles=str(film.captions) if film.captions else None)
    if sound:
        st.subheader(t("recording", lang), anchor=False)
        st.audio(sound.url)
        if sound.transcript:
            with st.expander(t("transcript", lang)):
                st.markdown(plain(sound.transcript))


def first_screen(h: Honoree, cat: Catalog, lang: str, *, kiosk: bool) -> None:
    """The top of the page. On a kiosk, all of it in one screen: portrait and 致敬, name, facts,
    honours and the story in a pane of its own, and the QR code to continue on a phone."""
    with st.container(key="person_top"):
        with st.container(key="person_face"):
            with st.container(key="portrait"):
                st.image(portrait_url(h, "page"), width=240, alt=h.name)
            like_button(h.id, lang)
            listen(voice.person(h, cat, lang), h.name)
        with st.container(key="person_facts"):
            st.title(plain(display_name(h, lang)), anchor=False)
            if h.sample:
                st.markdown(f":orange-badge[{t('sample_badge', lang)}]", help=t("sample_note", lang))
            facts(h, cat, lang)
            if kiosk:
                honours(h, cat, lang)
                with st.container(key="person_story"):
                    deeds(h, lang)
                reading_time(len(h.deeds) // 8)  # about eight characters a second, read aloud or not
        if kiosk:
            with st.container(key="person_share"):
                hand_off(cat, h.id, lang)


def deeds(h: Honoree, lang: str) -> None:
    if h.deeds:
        st.subheader(t("deeds", lang), anchor=False)
        for paragraph in h.paragraphs:
            st.markdown(plain(paragraph))
    lineage.person_section(h, catalog(), lang)  # 师承: in the story's own pane on a kiosk
    person_now(h, catalog(), lang)  # what they do now: talks, services, 宣讲团 topics


def sources(h: Honoree, lang: str, *, kiosk: bool) -> None:
    """Where the record comes from, by title: a link online, plain text on a kiosk (no link may
    lead out of the hall there)."""
    if h.source:
        st.caption(f"{plain(t('source', lang))}：{cited(h.source, links=not kiosk)}")
    if h.note:  # what the sources leave open or disagree on, as the record says
        st.caption(f"{plain(t('person_note', lang))}：{plain(h.note)}")


def share(h: Honoree, lang: str) -> None:
    """The page's address at the hall's public address, to copy into a chat."""
    with st.container(key="person_share_link"):
        st.caption(t("share_link", lang))
        st.code(share_url(h.id), language=None, wrap_lines=True)
