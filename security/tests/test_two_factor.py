"""Two-factor authentication, through the real sign-in form, the enrolment and code pages, the admin's user list and
the ``reset_2fa`` command. Codes are computed from the secret the enrolment page shows, as an authenticator app does.
"""

import io
import re
import time
from base64 import b32decode
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry, Page
from wagtail.users.models import UserProfile

from approvals.models import PartnerDecision
from approvals.tests.helpers import current_task_state, decide, submit
from conftest import DEMO_PASSWORD
from security import audit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
ENROL_URL = "/admin/two-factor/enrol/"
VERIFY_URL = "/admin/two-factor/verify/"
CODES_URL = "/admin/two-factor/recovery-codes/"
ACCOUNT_URL = "/admin/two-factor/"


@pytest.fixture
def required(settings):
    settings.PORTAL_REQUIRE_2FA = True


def sign_in(client, username):
    """The admin's sign-in form, with the password only."""
    response = client.post(LOGIN_URL, {"username": username, "password": DEMO_PASSWORD, "next": "/admin/"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert "_auth_user_id" in client.session
    return response


def sign_out(client):
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def redirected_to(response, url):
    return response.status_code == 302 and response.url.split("?")[0] == url


def secret_on_page(response):
    """The key the enrolment page shows as text, as a person would type it into an app."""
    match = re.search(r'class="portal-2fa-secret"[^>]*>([A-Z2-7 ]+)<', response.content.decode())
    assert match, "the enrolment page shows no secret"
    return b32decode(match.group(1).replace(" ", ""))


def app_code(key, user=None):
    """The code an authenticator app shows now; for an enrolled ``user``, one the portal has not accepted yet (a code
    is good once, so a second sign-in within the same 30 seconds uses the next one, inside the tolerated drift)."""
    counter = int(time.time()) // 30
    if user is not None:
        counter = max(counter, TOTPDevice.objects.get(user=user, confirmed=True).last_t + 1)
    return f"{hotp(key, counter):06d}"


def enrol(client, user):
    """Enrol through the pages: read the secret, confirm with a code, return (key, recovery codes shown)."""
    page = client.get(ENROL_URL)
    assert page.status_code == 200
    key = secret_on_page(page)
    response = client.post(ENROL_URL, {"code": app_code(key), "next": "/admin/"})
    assert redirected_to(response, CODES_URL), response.content.decode()[:2000]
    codes_page = client.get(response.url)
    assert codes_page.status_code == 200
    codes = codes_page.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    return key, codes


def logged(action, user, **data):
    return ModelLogEntry.objects.filter(
        action=action, object_id=str(user.pk), **{f"data__{k}": v for k, v in data.items()}
    )


@pytest.fixture
def article_in_review(portal, users, clients):
    page = ArticlePage(title="Budget participatif", slug="budget-participatif", summary="Un outil.", body="Texte.")
    portal["fr"].add_child(instance=page)
    page.save_revision(user=users["editor"])
    assert submit(clients["editor"], page, summary="Résumé soumis.").status_code == 302
    assert current_task_state(page) is not None
    return Page.objects.get(pk=page.pk).specific


# Who is forced
def test_a_reviewer_without_a_device_reaches_nothing_but_enrolment(client, users, required, article_in_review):
    sign_in(client, "dgct")
    for url in ["/admin/", f"/admin/pages/{article_in_review.pk}/edit/", "/admin/pages/", "/admin/account/", "/fr/"]:
        response = client.get(url)
        assert redirected_to(response, ENROL_URL), (url, response.status_code)
        assert parse_qs(urlsplit(response.url).query)["next"] == [url]
    # A reviewer's approval, posted to the workflow action URL, is refused and records nothing.
    decisions_before = PartnerDecision.objects.count()
    response = decide(client, article_in_review, "approve", comment="OK")
    assert redirected_to(response, ENROL_URL)
    assert PartnerDecision.objects.count() == decisions_before
    assert current_task_state(article_in_review).status == "in_progress"
    assert not Page.objects.get(pk=article_in_review.pk).live
    # The enrolment page itself, the admin's icons and sign-out stay reachable.
    assert client.get(ENROL_URL).status_code == 200
    assert client.get("/admin/sprite/").status_code == 200
    sign_out(client)


def test_a_superuser_is_forced_to_enrol(client, users, required):
    sign_in(client, "admin")
    assert redirected_to(client.get("/admin/"), ENROL_URL)
    assert redirected_to(client.get("/admin/users/"), ENROL_URL)


def test_an_editor_is_not_forced_but_may_enrol_and_is_then_asked_for_a_code(client, users, required):
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200
    account = client.get(ACCOUNT_URL, HTTP_ACCEPT_LANGUAGE="en")
    assert account.status_code == 200
    assert not account.context["enrolled"]
    key, _codes = enrol(client, users["editor"])
    assert logged(audit.TWO_FACTOR_ENROLLED, users["editor"]).exists()
    sign_out(client)
    sign_in(client, "editor")
    assert redirected_to(client.get("/admin/"), VERIFY_URL)
    assert redirected_to(client.post(VERIFY_URL, {"code": app_code(key, users["editor"])}), "/admin/")
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_off_nobody_is_forced(client, users, settings):
    settings.PORTAL_REQUIRE_2FA = False
    for username in ("dgct", "admin", "editor"):
        sign_in(client, username)
        assert client.get("/admin/").status_code == 200
        sign_out(client)
    assert not TOTPDevice.objects.exists()


# Enrolment
def test_the_enrolment_page_draws_its_own_qr_code_and_shows_the_secret(client, users, required):
    sign_in(client, "arm")
    first = client.get(ENROL_URL)
    body = first.content.decode()
    qr = re.search(r'<img class="portal-2fa-qr" src="([^"]+)"', body)
    assert qr and qr.group(1).startswith("data:image/svg+xml")
    assert "img-src 'self' data:" in first["Content-Security-Policy"]
    assert not re.search(r'src="https?://', body)  # no third-party QR service, no outside image
    # Reloading keeps the secret the person may already have scanned; nothing is confirmed yet.
    assert secret_on_page(client.get(ENROL_URL)) == secret_on_page(first)
    assert not TOTPDevice.objects.filter(user=users["arm"], confirmed=True).exists()


def test_a_wrong_code_does_not_confirm_the_enrolment(client, users, required):
    profile = UserProfile.get_for_user(users["embassy"])
    profile.preferred_language = "en"
    profile.save()
    sign_in(client, "embassy")
    key = secret_on_page(client.get(ENROL_URL))
    wrong = f"{(int(app_code(key)) + 1) % 1000000:06d}"
    response = client.post(ENROL_URL, {"code": wrong})
    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=users["embassy"], confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=users["embassy"]).exists()
    assert redirected_to(client.get("/admin/"), ENROL_URL)


def test_a_reviewer_enrols_then_signs_in_with_a_code(client, users, required):
    dgct = users["dgct"]
    sign_in(client, "dgct")
    key, codes = enrol(client, dgct)
    assert client.get("/admin/").status_code == 200  # verified by the enrolment itself
    assert StaticToken.objects.filter(device__user=dgct).count() == 10
    entry = logged(audit.TWO_FACTOR_ENROLLED, dgct).get()
    assert entry.user_id == dgct.pk and entry.data["ip"] == "127.0.0.1"
    # The recovery codes were shown once: the page no longer lists them.
    again = client.get(CODES_URL)
    assert again.context["codes"] is None and codes[0] not in again.content.decode()

    sign_out(client)
    sign_in(client, "dgct")
    assert redirected_to(client.get("/admin/"), VERIFY_URL)
    # The code used at enrolment is not accepted a second time.
    used = f"{hotp(key, TOTPDevice.objects.get(user=dgct).last_t):06d}"
    response = client.post(VERIFY_URL, {"code": used}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Ce code n’est pas valide" in response.content.decode()
    assert logged(audit.TWO_FACTOR_FAILED, dgct, reason="invalid").exists()
    assert redirected_to(client.get("/admin/"), VERIFY_URL)
    # django-otp's throttle: right after a wrong code, even the right one waits.
    response = client.post(VERIFY_URL, {"code": app_code(key, dgct)}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Trop de codes erronés" in response.content.decode()
    assert redirected_to(client.get("/admin/"), VERIFY_URL)
    # A few seconds later, the right code opens the admin at the page asked for.
    TOTPDevice.objects.filter(user=dgct).update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=5))
    response = client.post(VERIFY_URL, {"code": app_code(key, dgct), "next": "/admin/pages/"})
    assert redirected_to(response, "/admin/pages/")
    assert client.get("/admin/").status_code == 200
    assert logged(audit.TWO_FACTOR_VERIFIED, dgct, method="app").exists()


def test_a_recovery_code_works_once(client, users, required):
    arm = users["arm"]
    sign_in(client, "arm")
    _key, codes = enrol(client, arm)
    sign_out(client)

    sign_in(client, "arm")
    response = client.post(VERIFY_URL, {"code": codes[3].upper()})
    assert redirected_to(response, "/admin/")
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=arm).count() == 9
    assert logged(audit.TWO_FACTOR_VERIFIED, arm, method="recovery code", recovery_codes_left=9).exists()
    sign_out(client)

    sign_in(client, "arm")
    response = client.post(VERIFY_URL, {"code": codes[3]})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert redirected_to(client.get("/admin/"), VERIFY_URL)
    assert StaticToken.objects.filter(device__user=arm).count() == 9


def test_the_code_page_speaks_arabic(client, users, required):
    embassy = users["embassy"]
    profile = UserProfile.get_for_user(embassy)
    profile.preferred_language = "ar"
    profile.save()
    sign_in(client, "embassy")
    enrolment = client.get(ENROL_URL).content.decode()
    assert "إعداد المصادقة الثنائية" in enrolment
    key, _codes = enrol(client, embassy)
    sign_out(client)
    sign_in(client, "embassy")
    response = client.post(VERIFY_URL, {"code": "000000" if app_code(key) != "000000" else "111111"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "هذا الرمز غير صالح" in body
    assert 'dir="rtl"' in body


def test_new_recovery_codes_replace_the_old_ones_and_are_logged(client, users, required):
    dgct = users["dgct"]
    sign_in(client, "dgct")
    _key, old = enrol(client, dgct)
    response = client.post(CODES_URL)
    assert redirected_to(response, CODES_URL)
    new = client.get(CODES_URL).context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.filter(device__user=dgct).values_list("token", flat=True)) == set(new)
    assert logged(audit.TWO_FACTOR_RECOVERY_CODES, dgct).exists()


def test_an_editor_may_turn_it_off_a_reviewer_may_not(client, users, required):
    sign_in(client, "editor")
    enrol(client, users["editor"])
    assert redirected_to(client.post("/admin/two-factor/remove/"), ACCOUNT_URL)
    assert not TOTPDevice.objects.filter(user=users["editor"]).exists()
    assert not StaticDevice.objects.filter(user=users["editor"]).exists()
    assert logged(audit.TWO_FACTOR_REMOVED, users["editor"]).exists()
    sign_out(client)

    sign_in(client, "arm")
    enrol(client, users["arm"])
    response = client.post("/admin/two-factor/remove/", follow=True)  # the admin speaks French by default
    assert "elle ne peut pas être désactivée" in response.content.decode()
    assert TOTPDevice.objects.filter(user=users["arm"], confirmed=True).exists()
    assert StaticToken.objects.filter(device__user=users["arm"]).count() == 10
    assert not logged(audit.TWO_FACTOR_REMOVED, users["arm"]).exists()


# Resetting someone's second factor
def test_a_superuser_resets_a_reviewer_who_must_then_enrol_again(users, required, client_factory):
    dgct, admin = users["dgct"], users["admin"]
    reviewer, superuser = client_factory(), client_factory()
    sign_in(reviewer, "dgct")
    enrol(reviewer, dgct)
    sign_out(reviewer)
    sign_in(superuser, "admin")
    enrol(superuser, admin)

    listing = superuser.get("/admin/users/")
    assert reverse("portal_2fa_reset", args=[dgct.pk]) in listing.content.decode()
    assert superuser.get(reverse("portal_2fa_reset", args=[dgct.pk])).status_code == 200
    response = superuser.post(reverse("portal_2fa_reset", args=[dgct.pk]), REMOTE_ADDR="198.51.100.50")
    assert redirected_to(response, "/admin/users/")
    assert not TOTPDevice.objects.filter(user=dgct).exists()
    assert not StaticDevice.objects.filter(user=dgct).exists()
    entry = logged(audit.TWO_FACTOR_RESET, dgct).get()
    assert entry.user_id == admin.pk and entry.data["ip"] == "198.51.100.50"

    sign_in(reviewer, "dgct")
    assert redirected_to(reviewer.get("/admin/"), ENROL_URL)


def test_only_a_superuser_may_reset(users, required, client_factory):
    arm = client_factory()
    sign_in(arm, "arm")
    enrol(arm, users["arm"])
    editor = client_factory()
    sign_in(editor, "editor")
    response = editor.post(reverse("portal_2fa_reset", args=[users["arm"].pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"  # Wagtail's answer to a PermissionDenied in the admin
    assert TOTPDevice.objects.filter(user=users["arm"], confirmed=True).exists()
    assert StaticToken.objects.filter(device__user=users["arm"]).count() == 10
    assert not logged(audit.TWO_FACTOR_RESET, users["arm"]).exists()
    assert reverse("portal_2fa_reset", args=[users["arm"].pk]) not in editor.get("/admin/").content.decode()


def test_reset_2fa_command_for_the_last_superuser(client, users, required):
    admin = users["admin"]
    sign_in(client, "admin")
    enrol(client, admin)
    sign_out(client)
    output = io.StringIO()
    call_command("reset_2fa", username="admin", stdout=output)
    assert "reset for admin" in output.getvalue()
    assert not TOTPDevice.objects.filter(user=admin).exists()
    assert not StaticDevice.objects.filter(user=admin).exists()
    entry = logged(audit.TWO_FACTOR_RESET, admin, by="command").get()
    assert entry.data["devices_removed"] == 2
    sign_in(client, "admin")
    assert redirected_to(client.get("/admin/"), ENROL_URL)
    with pytest.raises(CommandError, match="No account named 'nobody'"):
        call_command("reset_2fa", username="nobody", stdout=io.StringIO())


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client
