"""The site frame (navigation, footer) is cached per language and follows what is published."""

from approvals.operator import publish_as_operator
from toolkit.models import SiteFooter, ToolIndexPage


def test_navigation_shows_a_newly_published_menu_page_and_drops_an_unpublished_one(client, portal):
    assert "Boîte à outils" not in client.get("/fr/").content.decode()  # the frame is now cached
    index = ToolIndexPage(title="Boîte à outils", slug="boite-a-outils", show_in_menus=True)
    portal["fr"].add_child(instance=index)
    index.save_revision()
    publish_as_operator(index, "tests")

    body = client.get("/fr/").content.decode()
    assert '<a href="/fr/boite-a-outils/">Boîte à outils</a>' in body
    assert "Boîte à outils" not in client.get("/en/").content.decode()

    index.unpublish()
    assert "Boîte à outils" not in client.get("/fr/").content.decode()


def test_footer_follows_its_publications_in_each_language(client, portal):
    client.get("/ar/")
    footer = SiteFooter.objects.filter(locale=portal["ar"].locale).first() or SiteFooter(locale=portal["ar"].locale)
    footer.about, footer.contact = "برنامج الشراكة بين المؤسسات الثلاث", ""
    if footer.pk is None:
        footer.save()  # a new row starts as a draft
    footer.save_revision()
    assert "برنامج الشراكة بين المؤسسات الثلاث" not in client.get("/ar/").content.decode()  # a draft
    publish_as_operator(footer, "tests")
    assert "برنامج الشراكة بين المؤسسات الثلاث" in client.get("/ar/").content.decode()
    assert "برنامج الشراكة بين المؤسسات الثلاث" not in client.get("/fr/").content.decode()
