"""QR codes hold the online deep link and are drawn without any network."""

from __future__ import annotations

import pytest

from hall.qr import deep_link, qr_svg


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://hall.example.org", "https://hall.example.org/honoree?id=r001"),
        ("https://hall.example.org/", "https://hall.example.org/honoree?id=r001"),
    ],
)
def test_deep_link_points_at_the_honoree_page(base: str, expected: str) -> None:
    assert deep_link(base, "r001") == expected


def test_qr_svg_is_a_self_contained_svg() -> None:
    svg = qr_svg("https://hall.example.org/honoree?id=r001")
    assert svg.startswith("<svg")
    assert "<path" in svg
    assert "href" not in svg  # no external image or font


def test_longer_links_make_bigger_codes() -> None:
    assert len(qr_svg("x" * 200)) > len(qr_svg("x"))
