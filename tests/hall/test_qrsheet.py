"""QR label sheets: one label per person, escaped text, inline codes, no external references."""

from __future__ import annotations

from hall.qrsheet import Label, qr_sheet_html


def test_sheet_has_one_label_per_person_with_escaped_text() -> None:
    labels = [
        Label("丁卫松", "浙江工匠 · 2018", "https://hall.example.org/honoree?id=r001"),
        Label("<b>x</b>", "a & b", "https://hall.example.org/honoree?id=r002"),
    ]
    page = qr_sheet_html(labels, "标签")
    assert page.count("class='label'") == 2
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<b>x</b>" not in page
    assert page.count("<svg") == 2
    assert "src=" not in page  # nothing fetched when printing offline
