"""AppTest helpers: every room runs through hall_app.py on a small generated pack."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hall.pack import Catalog, load_catalog
from hall.rooms import room
from hall.store import Store
from tests.support.apptest import PIN
from tests.support.packs import REPO

APP = str(REPO / "hall_app.py")


@pytest.fixture(scope="session")
def room_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hand-written people plus generated ones, enough to page through."""
    from tools.samplepack import write_pack as write_sample

    root = tmp_path_factory.mktemp("roompack")
    write_sample(root, count=160, seed=7)
    shutil.copytree(REPO / "exhibits" / "tours", root / "exhibits" / "tours")  # they name real people
    return root


@pytest.fixture
def pack_env(room_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("HALL_PACK", str(room_pack))
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("HALL_MODE", raising=False)
    monkeypatch.delenv("HALL_LANG", raising=False)
    st.cache_resource.clear()  # settings and catalogue are per process: start clean
    st.cache_data.clear()  # e.g. the figures room's short-lived cache of another test's store
    yield room_pack
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def cat(pack_env: Path) -> Catalog:
    return load_catalog(pack_env)


@pytest.fixture
def open_room(pack_env: Path) -> Callable[..., AppTest]:
    """open_room(key, **query) runs the app on that room, as a cold deep link would."""

    def _open(key: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(query)
        if key is None:
            return at.run()
        at.run()
        at.query_params.update(query)
        return at.switch_page(room(key).file).run()

    return _open


@pytest.fixture
def store(pack_env, tmp_path: Path) -> Store:
    return Store.open(None, tmp_path / "data")  # the same SQLite file the app uses (HALL_DATA)


@pytest.fixture
def kiosk_env(pack_env, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HALL_MODE", "kiosk")
    return pack_env


@pytest.fixture
def docent_env(pack_env, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HALL_MODE", "docent")
    monkeypatch.setenv("HALL_DOCENT_PIN", PIN)
    return pack_env
