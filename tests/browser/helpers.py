"""What several browser tests do: sign in through the real login form, and collect Content-Security-Policy
violations."""

import re

from conftest import DEMO_PASSWORD

DASHBOARD = re.compile(r".*/admin/$")


def log_in(tab, username, landing=DASHBOARD):
    """Sign ``username`` in through /admin/login/ and wait for the page the login leads to."""
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(DEMO_PASSWORD)
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(landing)


def new_tab_as(browser, base_url, username, locale="fr-FR"):
    """A new browser context signed in as ``username``; the caller closes the context."""
    context = browser.new_context(base_url=base_url, locale=locale)
    tab = context.new_page()
    log_in(tab, username)
    return context, tab


def collect_violations(tab):
    """The Content-Security-Policy violations the tab meets from now on (a list that fills as it browses)."""
    violations = []
    tab.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    tab.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return violations
