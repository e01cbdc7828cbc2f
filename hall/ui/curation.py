"""The curators' tools in the admin room: import the directory, photos, QR labels (the queues of
messages and requests: hall.ui.moderation)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hall.errors import PackError
from hall.importer import ImportFailed, apply_import, plan_import
from hall.labels import t
from hall.pack import Catalog
from hall.pack.write import PackChanged, PackWriteFailed
from hall.portraits import ingest_uploads
from hall.qrsheet import PER_PAGE, Label, qr_sheet_html
from hall.ui.cards import honour_summary
from hall.ui.data import catalog, directory, index, settings
from hall.ui.kiosk import share_url
from hall.ui.text import plain, t_inert

# The admin room's tabs, in order (labels admin_tab_<name>).
TABS = ("moderate", "import", "photos", "labels", "requests", "lockouts", "export", "pack", "bookings")


def _reload() -> None:
    """The pack changed on disk: every session sees the new catalogue from the next run."""
    catalog.clear()
    index.clear()
    directory.clear()


def import_directory(lang: str) -> None:
    """Upload → dry-run report as tables → apply (all or nothing, previous files kept)."""
    upload = st.file_uploader(t("import_upload", lang), type=["xlsx", "csv"], key="import_file")
    if upload is None:
        st.caption(t("import_help", lang))
        return
    with st.status(t("import_reading", lang), expanded=False) as status:
        try:
            plan = plan_import(upload.getvalue(), upload.name, settings().pack)
        except (ImportFailed, PackError) as exc:
            status.update(label=t_inert("import_failed", lang, reason=exc), state="error")
            return
        status.update(label=t("import_planned", lang), state="complete")
    report = plan.report
    with st.container(horizontal=True, gap="medium"):
        st.metric(t("import_persons", lang), report.persons, width=160)
        st.metric(t("import_new", lang), report.new_persons, width=160)
        st.metric(t("import_honours_added", lang), report.honours_added, width=160)
        st.metric(t("import_rejected", lang), len(report.rejected_rows), width=160)
    if report.dropped_columns:
        st.info(t_inert("import_dropped", lang, columns="、".join(report.dropped_columns)))
    if report.duplicates:
        st.caption(t("import_duplicates", lang, rows="、".join(map(str, report.duplicates))))
    for title, issues in (("import_rejected", report.rejected), ("import_warnings", report.warnings)):
        if issues:
            st.subheader(t(title, lang), anchor=False)
            st.dataframe(
                pd.DataFrame(
                    [(i.sheet, i.row, i.column, i.reason) for i in issues],
                    columns=["sheet", "row", "column", "reason"],
                ),
                hide_index=True,
                width="stretch",
            )
    if plan.people:
        st.subheader(t("import_people", lang), anchor=False)
        st.dataframe(
            pd.DataFrame(
                [
                    (
                        p.id,
                        p.name,
                        t("yes" if p.new else "no", lang),
                        p.birth_year,
                        p.district,
                        p.employer,
                        "、".join(f"{c} {y or ''}" for c, y in p.honours_added),
                    )
                    for p in plan.people
                ],
                columns=["id", "name", "new", "birth_year", "district", "employer", "honours"],
            ),
            hide_index=True,
            width="stretch",
        )
    if not report.changed:
        st.success(t("import_nothing", lang))
        return
    if st.button(t("import_apply", lang), key="import_apply", type="primary", icon=":material/publish:"):
        bar = st.progress(0.2, text=t("import_writing", lang))
        try:
            done = apply_import(plan, settings().pack)
        except (PackChanged, PackWriteFailed) as exc:
            bar.empty()
            st.error(t_inert("import_write_failed", lang, reason=exc))
            return
        bar.progress(1.0, text=t_inert("import_done", lang, backup=done.backup))
        _reload()


def photos(cat: Catalog, lang: str) -> None:
    """Upload portraits named by id (r001.jpg) or by a name only one person has."""
    uploads = st.file_uploader(
        t("photos_upload", lang),
        type=["jpg", "jpeg", "png", "webp"],
        accept_multiple_files=True,
        key="photos",
    )
    st.caption(t("photos_help", lang))
    if not uploads or not st.button(
        t("photos_apply", lang), key="photos_apply", icon=":material/photo_library:"
    ):
        return
    bar = st.progress(0.1, text=t("photos_working", lang, n=len(uploads)))
    try:
        files = [(u.name, u.getvalue()) for u in uploads]
        report = ingest_uploads(files, cat, settings().pack, settings().data_dir)
    except PackWriteFailed as exc:
        bar.empty()
        st.error(t_inert("import_write_failed", lang, reason=exc))
        return
    bar.progress(1.0, text=t("photos_done", lang, n=len(report.accepted)))
    for refusal in report.refused:
        st.warning(plain(f"{refusal.file}: {refusal.reason}"))
    if report.written:
        _reload()


def qr_labels(cat: Catalog, lang: str) -> None:
    """A4 sheets of QR labels for the physical exhibits, by era and district."""
    left, right = st.columns(2)
    era = left.selectbox(
        t("filter_era", lang),
        [None, *(e.id for e in cat.eras)],
        key="qr_era",
        format_func=lambda e: t("filter_any", lang) if e is None else cat.era(e).name.get(lang),
    )
    district = right.selectbox(
        t("filter_district", lang),
        [None, *(d.adcode for d in cat.districts)],
        key="qr_district",
        format_func=lambda c: t("filter_any", lang) if c is None else cat.district(c).name.get(lang),
    )
    found = index().search("", era=era, district=district, limit=10 * PER_PAGE)
    st.caption(t("qr_count", lang, n=len(found.ids), total=found.total))
    labels = [
        Label(h.name, honour_summary(h, cat, "zh"), share_url(h.id))
        for h in (cat.honoree(i) for i in found.ids)
    ]
    st.download_button(
        t("qr_download", lang),
        data=lambda: qr_sheet_html(labels, cat.info.name.zh),
        file_name="qr-labels.html",
        mime="text/html",
        key="qr_sheet",
        icon=":material/qr_code_2:",
        disabled=not labels,
    )
