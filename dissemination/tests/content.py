"""Content the dissemination tests share: the toolkit's index pages in three languages, and the pages the public must
never be told about (sitemap, feeds, API)."""

from wagtail.models import PageViewRestriction

from toolkit.tests import factories


def translated_tree(home):
    """The toolkit's index pages under ``home``, each translated into Arabic and English."""
    tree = factories.toolkit_tree(home)
    for index in tree.values():
        for code in ("ar", "en"):
            factories.translate(index, code)
    return tree


def hidden_pages(tree):
    """A draft, an unpublished page (with its English translation) and a private page with its translations."""
    draft = factories.ToolPageFactory(parent=tree["tools"], title="Brouillon", live=False)
    unpublished = factories.GuidePageFactory(parent=tree["guides"], title="Retiré")
    factories.translate(unpublished, "en")
    unpublished.unpublish()
    private = factories.ToolPageFactory(parent=tree["tools"], title="Réservé aux partenaires")
    private_translations = [factories.translate(private, code) for code in ("ar", "en")]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return [draft, unpublished, private, *private_translations]
