"""The two-factor enrolment page in Chromium: the QR code the portal draws itself shows, the admin's
Content-Security-Policy refuses nothing on it, and a code typed from the secret leads to the recovery codes."""

import os
import re
import time
from base64 import b32decode

from django_otp.oath import hotp

from tests.browser.helpers import collect_violations, log_in

SCREENSHOT = os.environ.get("PORTAL_2FA_SCREENSHOT", "")


def test_a_reviewer_enrols_in_the_browser_without_a_policy_violation(page, settings):
    settings.PORTAL_REQUIRE_2FA = True
    violations = collect_violations(page)
    log_in(page, "dgct", landing=re.compile(r".*/admin/two-factor/enrol/\?next=.*"))
    page.wait_for_load_state("networkidle")

    qr = page.locator("img.portal-2fa-qr")
    assert qr.is_visible()
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT, full_page=True)

    key = b32decode(page.locator(".portal-2fa-secret").inner_text().replace(" ", ""))
    page.fill("#id_code", f"{hotp(key, int(time.time()) // 30):06d}")
    page.locator("form.login-form").get_by_role("button").click()
    page.wait_for_url(re.compile(r".*/admin/two-factor/recovery-codes/.*"))
    assert page.locator(".portal-2fa-codes li").count() == 10
    page.get_by_role("link", name=re.compile("codes de secours")).click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.wait_for_load_state("networkidle")
    assert violations == []
