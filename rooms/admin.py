"""管理 — curators only (online mode, password): moderate the guestbook, import, photos, labels,
requests, lift sign-in lockouts, export figures and messages, and see what the content pack skipped."""

import pandas as pd
import streamlit as st

from hall.labels import t
from hall.ui import book, booking_desk, curation, moderation
from hall.ui.auth import curator, sign_out_button
from hall.ui.data import catalog, store
from hall.ui.gate import lockouts_panel
from hall.ui.lang import current
from hall.ui.text import t_inert

cat, lang = catalog(), current()
st.title(t("room_admin", lang), anchor=False)
if not curator(lang):
    st.stop()
sign_out_button(lang)
st.caption(t_inert("admin_store", lang, where=store().describe()))

(moderate, importing, pictures, labels, requests, lockouts, exports, problems, desk) = st.tabs(
    [t(f"admin_tab_{name}", lang) for name in curation.TABS]
)
with moderate:
    moderation.messages(cat, lang)
with importing:
    curation.import_directory(lang)
with pictures:
    curation.photos(cat, lang)
with labels:
    curation.qr_labels(cat, lang)
with requests:
    moderation.requests(cat, lang)
with lockouts:
    lockouts_panel(lang)
with exports:
    st.download_button(
        t("admin_export_messages", lang),
        data=lambda: store().export_messages_csv(),
        file_name="guestbook.csv",
        mime="text/csv",
        key="export_messages",
        icon=":material/download:",
    )
    st.download_button(
        t("admin_export_events", lang),
        data=lambda: store().export_events_csv(),
        file_name="events.csv",
        mime="text/csv",
        key="export_events",
        icon=":material/download:",
    )
    book.open_data_download(cat, lang, key="export_open_data")
    book.book_download(cat, lang)

with desk:
    booking_desk.panel(cat, lang)
with problems:
    if not cat.problems:
        st.success(t("admin_pack_clean", lang))
    else:
        st.caption(t("load_problems_help", lang))
        st.dataframe(
            pd.DataFrame(
                [(p.file, p.line, p.column, p.reason) for p in cat.problems],
                columns=["file", "line", "column", "reason"],
            ),
            hide_index=True,
            width="stretch",
        )
