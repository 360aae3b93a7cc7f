"""Fixtures of the files-under-approval tests: a throwaway MEDIA_ROOT per test, documents, images and articles."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from approvals.operator import publish_as_operator
from tests.testapp.models import ArticlePage


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def editor_reads_english(db, users):
    """The admin speaks each person's language (French by default): refusals are asserted in English here, and in
    French and Arabic by ``test_the_refusal_speaks_the_editor_s_language``."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = "en"
    profile.save()


@pytest.fixture
def make_document(portal):
    def make(content=b"%PDF-1.4 version approuvee", name="guide.pdf", title="Guide PDF"):
        document = get_document_model()(title=title, collection=Collection.get_first_root_node())
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    return make


@pytest.fixture
def make_image(portal):
    def make(colour="red", name="photo.png", title="Photo"):
        image = get_image_model()(
            title=title, collection=Collection.get_first_root_node(), file=get_test_image_file(name, colour=colour)
        )
        image._set_image_file_metadata()
        image.save()
        return image

    return make


@pytest.fixture
def make_article(portal, users):
    """A French article (the test page type) drafted by the editor with ``document`` and ``image``; ``live=True``
    publishes it as an operator would."""
    counter = iter(range(1, 1000))

    def make(document=None, image=None, live=False, parent=None):
        number = next(counter)
        page = ArticlePage(
            title=f"Article {number}",
            slug=f"article-{number}",
            summary="Un outil.",
            body="Texte.",
            document=document,
            image=image,
        )
        (parent or portal["fr"]).add_child(instance=page)
        page.save_revision(user=users["editor"])
        if live:
            publish_as_operator(page, "tests")
        page.refresh_from_db()
        return page

    return make
