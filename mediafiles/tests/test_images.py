"""Images under partner approval: the admin's image edit view (/admin/images/<id>/) and the public rendition URLs.

The portal's own pages use no image yet; the test page type (``tests/testapp``) has an image field, so the rule is
tested as it will apply to any page or snippet that chooses an image.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from approvals.tests.helpers import refused, submit
from mediafiles.tests.helpers import body, image_state, public_get

pytestmark = pytest.mark.django_db


def edit_image(client, image, new_file=True, focal_point=None):
    """The editor's image edit form, with a new file (a blue picture) and/or a new focal point."""
    x, y = focal_point or ("", "")
    data = {
        "title": image.title,
        "description": "",
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "focal_point_x": x,
        "focal_point_y": y,
        "focal_point_width": 10 if focal_point else "",
        "focal_point_height": 10 if focal_point else "",
    }
    if new_file:
        blue = get_test_image_file("bleu.png", colour="blue")
        data["file"] = SimpleUploadedFile("bleu.png", blue.file.getvalue(), content_type="image/png")
    return client.post(reverse("wagtailimages:edit", args=[image.pk]), data)


@pytest.fixture
def live_image(make_image, make_article):
    image = make_image()
    make_article(image=image, live=True)
    rendition = image.get_rendition("fill-100x100")
    return image, rendition


def test_replacing_an_image_a_live_page_uses_is_refused_and_its_rendition_is_unchanged(clients, live_image):
    image, rendition = live_image
    served = body(public_get(rendition.url))
    before = image_state(image)

    response = edit_image(clients["editor"], image)

    assert response.status_code == 200
    assert "Upload the new file as a new image" in response.content.decode()
    assert image_state(image) == before
    assert image.get_rendition("fill-100x100").url == rendition.url
    assert body(public_get(rendition.url)) == served


def test_moving_the_focal_point_of_a_used_image_is_refused(clients, live_image):
    """Renditions are cropped around the focal point: moving it changes what the public sees."""
    image, _rendition = live_image
    before = image_state(image)
    response = edit_image(clients["editor"], image, new_file=False, focal_point=(20, 30))
    assert response.status_code == 200
    assert "focal point cannot change" in response.content.decode()
    assert image_state(image) == before


def test_replacing_an_image_used_only_by_a_page_in_review_is_refused(clients, make_image, make_article):
    image = make_image()
    article = make_article()
    assert submit(clients["editor"], article, image=str(image.pk)).status_code == 302
    rendition = image.get_rendition("fill-100x100")
    before = image_state(image)

    response = edit_image(clients["editor"], image)

    assert response.status_code == 200
    assert "Upload the new file as a new image" in response.content.decode()
    assert image_state(image) == before
    assert public_get(rendition.url).status_code == 404


def test_an_unused_image_can_be_replaced_and_its_renditions_are_not_public(clients, make_image):
    image = make_image()
    old_rendition = image.get_rendition("fill-100x100")
    before = image_state(image)

    assert edit_image(clients["editor"], image).status_code == 302

    assert image_state(image)["bytes"] != before["bytes"]
    fresh = get_image_model().objects.get(pk=image.pk)
    assert public_get(fresh.get_rendition("fill-100x100").url).status_code == 404
    assert public_get(old_rendition.url).status_code == 404


def test_deleting_an_image_a_live_page_uses_is_refused(clients, live_image):
    image, rendition = live_image
    before = image_state(image)
    assert refused(clients["admin"].post(reverse("wagtailimages:delete", args=[image.pk])))
    assert image_state(image) == before
    assert public_get(rendition.url).status_code == 200


def test_a_rendition_is_public_only_while_live_content_uses_its_image(clients, live_image):
    _image, rendition = live_image
    response = public_get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    with rendition.file.open("rb") as stored:
        assert body(response) == stored.read()

    from wagtail.models import Page

    page = Page.objects.get(title="Article 1")
    assert clients["dgct"].post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])).status_code == 302
    assert public_get(rendition.url).status_code == 404
    assert clients["editor"].get(rendition.url).status_code == 200  # the admin still shows it


def test_original_images_and_unknown_renditions_are_not_served(live_image):
    image, _rendition = live_image
    assert public_get(f"/media/{image.file.name}").status_code == 404
    assert public_get("/media/images/../original_images/photo.png").status_code == 404
    assert public_get("/media/images/nothing.fill-1x1.png").status_code == 404
