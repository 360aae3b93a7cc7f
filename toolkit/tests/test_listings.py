"""The index pages' filters, seen through their public URLs."""

from wagtail.models import PageViewRestriction

from toolkit.tests import factories


def test_experience_years_offered_are_those_of_the_listed_experiences(client, portal):
    tree = factories.toolkit_tree(portal["fr"])
    index = tree["experiences"]
    region = factories.RegionPageFactory(parent=tree["regions"])
    factories.ExperiencePageFactory(parent=index, region=region, year=2023)
    factories.ExperiencePageFactory(parent=index, region=region, year=2019, live=False)
    private = factories.ExperiencePageFactory(parent=index, region=region, year=2018)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    content = client.get(index.url).content.decode()

    assert '<option value="2023">' in content
    assert 'value="2019"' not in content  # a draft
    assert 'value="2018"' not in content  # a private page
