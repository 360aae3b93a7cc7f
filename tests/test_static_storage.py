"""Production's static storage (cms/static_storage.py) answers each name's hashed URL as Django's manifest storage
does, computing it once; a name missing from the manifest is refused every time, never remembered."""

import json

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from cms.static_storage import PortalStaticFilesStorage


@pytest.fixture
def static_root(tmp_path):
    paths = {"css/portal.css": "css/portal.1a2b3c4d5e6f.css", "icons/icon.svg": "icons/icon.0f9e8d7c6b5a.svg"}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))
    with override_settings(STATIC_ROOT=str(tmp_path), STATIC_URL="/static/", DEBUG=False):
        yield tmp_path


def test_urls_are_the_manifests_and_computed_once(static_root):
    storage, django = PortalStaticFilesStorage(), CompressedManifestStaticFilesStorage()
    for name in ("css/portal.css", "icons/icon.svg", "css/portal.css"):
        assert storage.url(name) == django.url(name)
    assert storage.url("css/portal.css") == "/static/css/portal.1a2b3c4d5e6f.css"
    assert set(storage._urls) == {"css/portal.css", "icons/icon.svg"}


def test_a_missing_name_is_refused_every_time(static_root):
    storage = PortalStaticFilesStorage()
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
    assert storage._urls == {}


def test_debug_and_force_are_djangos_answers(static_root):
    storage = PortalStaticFilesStorage()
    with override_settings(DEBUG=True):
        assert storage.url("css/portal.css") == "/static/css/portal.css"
    assert storage._urls == {}
    assert storage.url("css/portal.css", force=True) == "/static/css/portal.1a2b3c4d5e6f.css"
