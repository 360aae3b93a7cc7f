"""The command's guards, without loading anything."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from toolkit import models


@override_settings(DEBUG=False)
def test_refuses_with_debug_off_unless_forced_and_changes_nothing(portal):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_content")
    assert Page.objects.count() == before
    assert not models.Theme.objects.exists()


@override_settings(DEBUG=True)
def test_refuses_an_unknown_data_folder_with_a_clear_message(portal, tmp_path):
    with pytest.raises(CommandError, match="no demo data"):
        call_command("load_demo_content", data_dir=str(tmp_path / "missing"))
    assert not models.ToolPage.objects.exists()
