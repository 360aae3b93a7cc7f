"""Machine translation is configured from the environment, and off when it is not."""

import json
import os
import subprocess
import sys

import pytest

SNIPPET = """
import json
from cms.settings import base
config = getattr(base, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
if config and "GLOSSARY_IDS" in config["OPTIONS"]:
    glossaries = config["OPTIONS"]["GLOSSARY_IDS"].items()
    config["OPTIONS"]["GLOSSARY_IDS"] = sorted([*pair, glossary] for pair, glossary in glossaries)
print(json.dumps(config))
"""


def machine_translator(**environment):
    env = {k: v for k, v in os.environ.items() if k not in ("DEEPL_AUTH_KEY", "LIBRETRANSLATE_URL")}
    env.update(environment)
    result = subprocess.run(  # noqa: S603 (our own interpreter, a fixed snippet)
        [sys.executable, "-c", SNIPPET], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_machine_translation_is_off_without_configuration():
    assert machine_translator() is None


def test_deepl_is_used_with_its_key_and_glossaries():
    config = machine_translator(DEEPL_AUTH_KEY="key:fx", DEEPL_GLOSSARY_IDS="FR:AR=g1,FR:EN=g2")
    assert config["CLASS"].endswith("DeepLTranslator")
    assert config["OPTIONS"]["AUTH_KEY"] == "key:fx"
    assert config["OPTIONS"]["GLOSSARY_IDS"] == [["FR", "AR", "g1"], ["FR", "EN", "g2"]]


@pytest.mark.parametrize("url", ["http://libretranslate.internal:5000"])
def test_libretranslate_is_used_with_its_url(url):
    config = machine_translator(LIBRETRANSLATE_URL=url)
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == url
