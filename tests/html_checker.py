"""The W3C Nu HTML checker (vnu-jar from npm, pinned in package.json; Java from Debian, which `make test` installs),
run once over many documents: one Java start-up costs seconds, one per page would cost minutes."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(documents):
    """The Nu checker's errors over ``documents`` ({name: html}), in one Java run; its warnings are printed."""
    assert VNU.exists(), "vnu-jar is missing: run `npm ci` (make test does it)."
    assert shutil.which("java"), "Java is missing: `make test` installs Debian's default-jre-headless."
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page{number}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        run = subprocess.run(  # noqa: S603 (Java from PATH, the pinned jar, files written here)
            [
                shutil.which("java") or "java",
                "-jar",
                str(VNU),
                "--format",
                "json",
                "--stdout",
                *sorted(str(p) for p in Path(folder).iterdir()),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    assert run.stdout, f"vnu gave no report: {run.stderr}"
    messages = json.loads(run.stdout)["messages"]
    for message in messages:
        message["page"] = names.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        if message["type"] != "error":
            print("vnu", message.get("subType", message["type"]), message["page"], message["message"])
    return [
        f"vnu {message['page']} line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error"
    ]
