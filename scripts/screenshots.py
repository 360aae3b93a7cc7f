"""Screenshots of the public site for a reviewer (`make screenshots`): the home page, a tool page, a region page and
the adoption overview (as a table and as its list by region), in French and Arabic, on a phone (390x844) and a
desktop (1366x900).

It fills a database of its own with the demo content, serves the portal on 127.0.0.1 (Django's development server,
dev settings, page cache off), and drives Debian's Chromium through Playwright: nothing downloads a browser and no
traffic leaves the machine. For each page it writes what fits on the screen (`<page>.<lang>.<device>.png`) and the
whole page (`...full.png`) into SHOTS_DIR, a folder git ignores.

    SHOTS_DATABASE_URL  the throwaway database, dropped and filled afresh
                        (default postgres://postgres@127.0.0.1:5432/portal_screenshots)
    SHOTS_SKIP_LOAD=1   the database already holds the demo content (a previous run): keep it, start in seconds
    SHOTS_DIR           where the PNG files go (default test-results/screenshots)
    SHOTS_PORT          the server's port (default 8797)
    SHOTS_ONLY="home overview"   only these pages (home, tool, region, overview, overview_list)

Not imported by the portal; the pages are those `make lighthouse` measures (scripts/lighthouse_pages.py).
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}
LANGUAGES = ("fr", "ar")
KINDS = tuple(os.environ.get("SHOTS_ONLY", "").split()) or ("home", "tool", "region", "overview", "overview_list")

DATABASE_URL = os.environ.get("SHOTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_screenshots")
OUT = Path(os.environ.get("SHOTS_DIR", ROOT / "test-results" / "screenshots"))
PORT = int(os.environ.get("SHOTS_PORT", "8797"))
ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    "PAGE_CACHE_SECONDS": "0",
    "PORTAL_DEMO_PASSWORD": os.environ.get("PORTAL_DEMO_PASSWORD", "regions-demo-2026"),
}


def manage(*args, **kwargs):
    command = [PYTHON, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=ENV, check=True, **kwargs)  # noqa: S603 (our interpreter, manage.py)


def fill_database():
    """A fresh database with the demo content, as `make run` builds it (about two minutes)."""
    server, name = DATABASE_URL.rsplit("/", 1)
    maintenance = f"{server}/postgres"
    # PostgreSQL's own programs from PATH, on the database this script owns.
    subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={maintenance}", name], check=True)  # noqa: S603, S607
    subprocess.run(["createdb", f"--maintenance-db={maintenance}", name], check=True)  # noqa: S603, S607
    quiet = {"stdout": subprocess.DEVNULL}
    manage("migrate", "--no-input", "-v", "0")
    manage("bootstrap_portal", **quiet)
    print("Loading the demo content (about two minutes)...", flush=True)
    manage("load_demo_content", **quiet)


def wait_until_served(base):
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{base}/fr/", timeout=5) as answer:  # noqa: S310 (127.0.0.1 only)
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(1)
    raise SystemExit(f"The portal did not answer at {base}/fr/")


def page_paths():
    """``{(kind, language): path}`` for the first live page of each type (scripts/lighthouse_pages.py)."""
    with (ROOT / "scripts" / "lighthouse_pages.py").open() as pages:
        listing = manage("shell", "-v", "0", stdin=pages, capture_output=True, text=True).stdout
    found = {}
    for line in listing.splitlines():
        kind, language, path = line.split(" ", 2)
        found[(kind, language)] = path
        if kind == "overview":  # the overview read region by region, its display for narrow screens
            found[("overview_list", language)] = f"{path}?view=list"
    return found


def shoot(base, paths):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for device, options in DEVICES.items():
            for language in LANGUAGES:
                context = browser.new_context(base_url=base, locale=f"{language}-MA", **options)
                tab = context.new_page()
                for kind in KINDS:
                    path = paths.get((kind, language))
                    if path is None:
                        print(f"No {kind} page in {language}: skipped", flush=True)
                        continue
                    tab.goto(path, wait_until="load")
                    tab.evaluate("document.fonts.ready.then(() => true)")
                    stem = OUT / f"{kind}.{language}.{device}"
                    tab.screenshot(path=f"{stem}.png")
                    tab.screenshot(path=f"{stem}.full.png", full_page=True)
                    written += [f"{stem}.png", f"{stem}.full.png"]
                context.close()
        browser.close()
    return written


def main():
    if not os.environ.get("SHOTS_SKIP_LOAD"):
        fill_database()
    manage("compile_catalogues", stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{PORT}"
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_served(base)
        written = shoot(base, page_paths())
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{len(written)} screenshots in {OUT}:")
    for path in written:
        print(f"  {path}")


if __name__ == "__main__":
    main()
