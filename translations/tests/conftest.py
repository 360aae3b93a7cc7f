import pytest
from wagtail.models import Locale


@pytest.fixture
def locales(portal):
    return {locale.language_code: locale for locale in Locale.objects.all()}
