"""A reader subscribes in Arabic, then confirms from the message's link.

The form, its errors and the confirmation pages read right to left; axe-core (every impact) finds nothing on the
form, with its errors shown, or on the confirmation page, and the W3C Nu HTML checker no error on any subscription
page as the server sent it (one vnu run); the honeypot stays out of sight.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Locale

from subscriptions.models import Subscriber
from subscriptions.tokens import subscriber_token
from tests.html_checker import VNU, vnu_errors
from toolkit.tests import factories

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path("test-results/subscribe")


@pytest.fixture
def tab(browser, live_portal):
    context = browser.new_context(base_url=live_portal.url, locale="ar-MA", bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(tab):
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in result["violations"]]


def test_subscribing_in_arabic_and_confirming(tab):
    assert AXE.exists() and VNU.exists(), "axe-core or vnu-jar is missing: run `npm ci` (make test does it)."
    documents = {}
    factories.ThemeFactory(slug="participation", name="Participation citoyenne")
    factories.ThemeFactory(
        slug="participation", name="المشاركة المواطنة", locale=Locale.objects.get(language_code="ar")
    )
    SHOTS.mkdir(parents=True, exist_ok=True)

    tab.goto("/ar/")
    with tab.expect_response("**/ar/subscribe/") as form:
        tab.get_by_role("link", name="الاشتراك عبر البريد الإلكتروني").click()
    documents["form"] = form.value.text()
    tab.wait_for_load_state()  # its stylesheet applied: the response alone can arrive before the page has loaded
    assert tab.evaluate("document.documentElement.dir") == "rtl"
    assert not tab.locator("#id_website").is_visible()
    assert violations(tab) == []

    with tab.expect_response("**/ar/subscribe/") as refused:
        tab.get_by_role("button", name="الاشتراك", exact=True).click()  # nothing filled: the errors
    tab.wait_for_load_state()
    assert refused.value.status == 400
    documents["form with errors"] = refused.value.text()
    assert tab.get_by_role("alert").is_visible()
    assert "يرجى وضع علامة في الخانة" in tab.content()
    assert violations(tab) == []

    tab.get_by_label("عنوان بريدكم الإلكتروني").fill("Majlis@Region-Souss.example.ma")
    tab.get_by_label("الأدوات").check()
    tab.get_by_label("المشاركة المواطنة").check()
    tab.get_by_label("09 · سوس ماسة").check()
    tab.get_by_label("أوافق على أن يحتفظ شركاء البرنامج").check()
    tab.screenshot(path=SHOTS / "form-ar.png", full_page=True)
    tab.get_by_role("button", name="الاشتراك", exact=True).click()
    tab.wait_for_url("**/ar/subscribe/sent/")
    assert tab.get_by_role("heading", level=1).inner_text() == "تفقدوا بريدكم الإلكتروني"
    documents["sent"] = tab.content()
    assert not Subscriber.objects.exists()

    [message] = [m for m in mail.outbox if m.to == ["majlis@region-souss.example.ma"]]
    assert "أكدوا اشتراككم" in message.subject
    link = re.search(r"https?://\S+/ar/subscribe/confirm/\S+/", message.body).group(0)
    documents["confirm"] = tab.goto(urlsplit(link).path).text()
    assert tab.evaluate("document.documentElement.dir") == "rtl"
    assert violations(tab) == []
    with tab.expect_response(f"**{urlsplit(link).path}") as confirmed:
        tab.get_by_role("button", name="تأكيد اشتراكي").click()
    documents["confirmed"] = confirmed.value.text()
    assert tab.get_by_role("heading", level=1).inner_text() == "تم تأكيد اشتراككم"
    tab.screenshot(path=SHOTS / "confirmed-ar.png", full_page=True)

    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == ("majlis@region-souss.example.ma", "ar")
    assert (subscriber.page_types, subscriber.themes, subscriber.regions) == (["tool"], ["participation"], ["09"])

    token = subscriber_token(subscriber)
    for name in ("manage", "unsubscribe"):
        response = tab.goto(f"/ar/subscribe/{name}/{token}/")
        assert response.status == 200
        documents[name] = response.text()
        assert violations(tab) == [], name
    assert vnu_errors(documents) == []
