"""Where portraits go: one path and one URL for a thumbnail, nothing but thumbnails under the
static folder, and the manifest (which names the server's paths) in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.config import STATIC_DIR, STATIC_URL
from hall.pack import load_catalog
from hall.portraits import (
    ensure_thumbnails,
    ingest,
    manifest_path,
    set_portrait,
    thumbnail_path,
    thumbnail_url,
)
from hall.portraits.cli import main
from hall.portraits.paths import thumbnail_owner
from tests.fixtures import photos
from tests.support.packs import REPO


@pytest.mark.parametrize(("honoree_id", "size"), [("t01", "card"), ("i00012", "page"), ("r-7", "card")])
def test_a_thumbnails_url_names_its_file_under_the_static_folder(
    honoree_id: str, size: str, static: Path
) -> None:
    url = thumbnail_url(honoree_id, size)
    assert url == f"/app/static/cache/thumbs/{honoree_id}-{size}.webp"
    assert thumbnail_path(honoree_id, size, static) == static / url.removeprefix(f"{STATIC_URL}/")
    assert thumbnail_path(honoree_id, size) == STATIC_DIR / url.removeprefix(f"{STATIC_URL}/")
    assert thumbnail_owner(thumbnail_path(honoree_id, size, static)) == (honoree_id, size)


def test_the_static_folder_is_the_one_beside_the_entrypoint() -> None:
    assert STATIC_DIR == REPO / "static"
    assert (STATIC_DIR / "fonts" / "hall-sc.woff2").is_file()


@pytest.mark.parametrize("name", ["manifest.json", "t01.webp", "t01-card.png", "notes.txt"])
def test_a_file_not_named_as_a_thumbnail_has_no_owner(name: str) -> None:
    assert thumbnail_owner(Path(name)) is None


def test_nothing_but_thumbnails_is_written_under_the_static_folder(
    pack: Path, static: Path, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "t01.jpg").write_bytes(photos.jpeg(orientation=6))
    (folder / "t04.png").write_bytes(photos.png(photos.portrait(300, 400)))
    (folder / "t05.jpg").write_bytes(photos.truncated_jpeg())
    ingest(folder, load_catalog(pack), pack, data, static)
    set_portrait("t02", "upload.jpg", photos.jpeg(), load_catalog(pack), pack, data, static)
    thumbnail_path("t01", "page", static).unlink()  # start-up rebuilds it
    ensure_thumbnails(load_catalog(pack), pack, data, static)
    monkeypatch.setenv("HALL_DATA", str(data))
    assert main(["thumbs", "--pack", str(pack), "--static", str(static), "--json"]) == 0

    written = sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
    thumbs = [w for w in written if w.startswith("cache/thumbs/")]
    assert thumbs == sorted(
        f"cache/thumbs/{i}-{s}.webp" for i in ("t01", "t02", "t04") for s in ("card", "page")
    )
    # Everyone else has a name portrait (cache/names/<digest>-<size>.webp), and nothing else is there.
    drawn = [w for w in written if w.startswith("cache/names/")]
    others = [h for h in load_catalog(pack).honorees if h.id not in ("t01", "t02", "t04")]
    assert len(drawn) == 2 * len(others)
    assert all(w.endswith(".webp") for w in drawn)
    assert len(written) == len(thumbs) + len(drawn)
    # The originals' paths on the server are in the data folder's manifest, and only there.
    originals = str((pack / "media" / "portraits").resolve())
    assert originals in manifest_path(data).read_text(encoding="utf-8")
    assert not any(originals.encode() in p.read_bytes() for p in static.rglob("*") if p.is_file())


def test_a_manifest_an_earlier_version_left_in_the_served_folder_is_removed(
    pack: Path, static: Path, data: Path
) -> None:
    old = static / "cache" / "thumbs" / "manifest.json"
    old.parent.mkdir(parents=True)
    old.write_text('{"t01": "/srv/hall/media/portraits/t01.jpg|1|2"}', encoding="utf-8")
    ensure_thumbnails(load_catalog(pack), pack, data, static)
    assert not old.exists()
