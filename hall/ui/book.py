"""The printed 名录 and the open data as downloads: the book in 管理 (made on request, kept per
pack), the open-data zip there and in the directory room."""

from __future__ import annotations

import streamlit as st

from hall.book import BookOptions, FontsMissing, NoBaseUrl, Paper, Scope
from hall.book import cache as book_cache
from hall.export import zipped
from hall.labels import t
from hall.pack import Catalog
from hall.ui.data import settings
from hall.ui.kiosk import public_base
from hall.ui.text import t_inert


def book_download(cat: Catalog, lang: str) -> None:
    """Paper, scope and QR codes; a cached book downloads at once, else it is made with a spinner."""
    st.subheader(t("book_admin_heading", lang), anchor=False)
    st.caption(t("book_admin_help", lang))
    left, middle, right = st.columns(3)
    paper = left.radio(
        t("book_admin_paper", lang), [p.value for p in Paper], key="book_paper", horizontal=True
    )
    scopes: dict[str, str] = {"": t("book_admin_whole", lang)}
    scopes |= {f"era:{e.id}": e.name.get(lang) for e in cat.eras}
    scopes |= {f"district:{d.adcode}": d.name.get(lang) for d in cat.districts}
    chosen = middle.selectbox(
        t("book_admin_scope", lang), list(scopes), format_func=scopes.__getitem__, key="book_scope"
    )
    kind, _, value = (chosen or "").partition(":")
    qr = right.toggle(t("book_admin_qr", lang), key="book_qr", disabled=not cat.info.base_url)
    options = BookOptions(
        paper=Paper(paper or "A4"),
        scope=Scope(era=value if kind == "era" else "", district=value if kind == "district" else ""),
        qr=bool(qr),
    )
    s = settings()
    volumes = book_cache.cached(s.pack, s.data_dir, options)
    if not volumes and st.button(t("book_admin_make", lang), key="book_make", icon=":material/menu_book:"):
        with st.spinner(t("book_admin_making", lang)):
            try:
                volumes = book_cache.make(cat, s.pack, s.data_dir, options)
            except (NoBaseUrl, FontsMissing, OSError) as exc:
                st.error(t_inert("book_admin_failed", lang, reason=exc))
                return
    for n, path in enumerate(volumes):
        size = f"{path.stat().st_size / 1e6:.1f} MB"
        st.download_button(
            t("book_admin_download", lang, size=size) + (f" · {n + 1}" if len(volumes) > 1 else ""),
            data=path.read_bytes,
            file_name=path.name,
            mime="application/pdf",
            key=f"book_pdf_{n}",
            icon=":material/download:",
        )


def open_data_download(cat: Catalog, lang: str, key: str) -> None:
    """The published fields as CSV, JSON, JSON-LD and their descriptor, in one zip."""
    st.download_button(
        t("export_download", lang),
        data=lambda: zipped(cat, public_base()),
        file_name="open-data.zip",
        mime="application/zip",
        key=key,
        icon=":material/dataset:",
        help=t("export_help", lang),
    )
