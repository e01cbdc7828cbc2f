"""问展馆 on screen: the asker shared by every session, the questions to tap, and an answer shown
as plain text with its sources and its people as cards."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from hall.ask import Answer, Asker
from hall.ask.suggest import suggestions
from hall.labels import t
from hall.rooms import by_url
from hall.ui.cards import card_grid, person_pages
from hall.ui.data import catalog, index, settings
from hall.ui.nav import exists, page
from hall.ui.text import ECHO_LIMIT, cited, plain, t_inert
from hall.ui.widgets import kiosk

QUESTION = "ask_q"  # the session's question (the text box's key online)


@st.cache_resource(show_spinner="展馆布展中…")
def asker() -> Asker:
    """The process's asker: its passage index is saved in HALL_DATA and loaded from there."""
    return Asker.build(catalog(), index(), settings().data_dir)


@st.cache_resource(show_spinner=False)
def suggested() -> list[str]:
    return suggestions(asker())


def _put(question: str) -> None:
    st.session_state[QUESTION] = question


def suggestion_buttons(lang: str) -> None:
    """The ten questions to try, each a button that asks it (60 px and more on a kiosk)."""
    st.caption(t("ask_try", lang))
    with st.container(key="ask_suggestions", horizontal=not kiosk(), gap="small"):
        for i, question in enumerate(suggested()):
            st.button(plain(question), key=f"ask_try_{i}", on_click=_put, args=(question,))


def people_by_initials(typed: str, lang: str) -> None:
    """On a kiosk: the people the initials keyboard finds, each a button asking who they are."""
    if not typed:
        return
    found = index().search(typed, limit=4)
    if not found.ids:
        return
    st.caption(t("ask_keyboard_people", lang))
    for hid in found.ids:
        question = t("ask_who_is", "zh", name=catalog().honoree(hid).name)
        st.button(plain(question), key=f"ask_who_{hid}", on_click=_put, args=(question,))


def _source_link(title: str, link: str, key: str) -> None:
    parts = urlsplit(link)
    target = by_url(parts.path.strip("/"))
    if target is None or not exists(target.key):
        st.markdown(plain(title))
        return
    query: dict[str, str | list[str]] = {}
    for k, v in parse_qsl(parts.query):
        old = query.get(k)
        query[k] = v if old is None else [*([old] if isinstance(old, str) else old), v]
    st.page_link(page(target.key), label=plain(title), query_params=query, icon=":material/menu_book:")


def show_answer(question: str, lang: str) -> None:
    """The answer to ``question``: its text (plain, never Markdown), where it came from, its people."""
    if not question:
        return
    answer: Answer = asker().ask(question, lang)
    touch = kiosk()
    with st.container(key="ask_answer", border=True):
        st.caption(t_inert("ask_you_asked", lang, question=question[:ECHO_LIMIT]))
        cat = catalog()
        if answer.answered:
            st.markdown(plain(answer.text))
            # invented people are named in the answer as in the records: say so beside it
            if any(cat.honoree(i).sample for i in answer.ids[:200] if cat.has(i)):
                st.caption(f":gray-badge[{t('ask_sample_note', lang)}]")
        else:
            st.info(plain(answer.text))
        if answer.sources:
            st.caption(t("ask_sources", lang))
            for i, s in enumerate(answer.sources):
                _source_link(s.title, s.link, f"src_{i}")
                if s.cite:
                    st.caption(cited(s.cite, links=not touch))
    if answer.ids:
        ids = [i for i in answer.ids if cat.has(i)]
        person_pages(
            len(ids), f"ask_people_{question}", lang, lambda a, b: [cat.honoree(i) for i in ids[a:b]]
        )
    elif answer.nearest or answer.pages:
        st.caption(t("ask_nearest", lang))
        for i, s in enumerate(answer.pages):
            _source_link(s.title, s.link, f"page_{i}")
        card_grid([cat.honoree(i) for i in answer.nearest if cat.has(i)], cat, lang)
