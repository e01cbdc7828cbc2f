"""管理 — curators only (online mode, password): moderate the guestbook, export figures and
messages, and see what the content pack skipped."""

import pandas as pd
import streamlit as st

from hall.errors import StoreUnavailable
from hall.labels import t
from hall.ui import curation
from hall.ui.auth import curator, sign_out_button
from hall.ui.data import catalog, store
from hall.ui.lang import current
from hall.ui.text import t_inert

cat, lang = catalog(), current()
st.title(t("room_admin", lang))
if not curator(lang):
    st.stop()
sign_out_button(lang)
st.caption(t_inert("admin_store", lang, where=store().describe()))

(moderate, importing, pictures, labels, requests, exports, problems) = st.tabs(
    [t(f"admin_tab_{name}", lang) for name in curation.TABS]
)
with importing:
    curation.import_directory(lang)
with pictures:
    curation.photos(cat, lang)
with labels:
    curation.qr_labels(cat, lang)
with requests:
    curation.change_requests(cat, lang)
with moderate:
    try:
        queue = store().pending(limit=200)
    except StoreUnavailable:
        st.warning(t("figures_down", lang))
        queue = []
    if not queue:
        st.info(t("admin_queue_empty", lang))
    else:
        table = pd.DataFrame(
            {
                "pick": [False] * len(queue),
                "id": [m.id for m in queue],
                t("admin_to", lang): [
                    cat.honoree(m.honoree_id).name if cat.has(m.honoree_id) else t("admin_to_hall", lang)
                    for m in queue
                ],
                t("admin_text", lang): [m.text for m in queue],
                t("guestbook_signature", lang): [m.signature for m in queue],
                t("admin_created", lang): [m.created_at.strftime("%Y-%m-%d %H:%M") for m in queue],
            }
        )
        edited = st.data_editor(
            table,
            hide_index=True,
            width="stretch",
            key="queue",
            disabled=[c for c in table.columns if c != "pick"],
            column_config={"pick": st.column_config.CheckboxColumn(t("admin_pick", lang)), "id": None},
        )
        picked = [int(i) for i in edited.loc[edited["pick"], "id"]]
        approve, reject = st.columns(2)
        for col, approve_it, label in ((approve, True, "admin_approve"), (reject, False, "admin_reject")):
            if col.button(t(label, lang, n=len(picked)), key=label, disabled=not picked, width="stretch"):
                try:
                    store().moderate(picked, approve=approve_it)
                    st.rerun()
                except StoreUnavailable:
                    st.warning(t("figures_down", lang))

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
