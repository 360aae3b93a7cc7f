"""`make bench-instructions`: the CPU instructions each uncached page costs, counted by callgrind, against bakerydemo.

`make bench` times the gunicorn workers' CPU, which on a shared machine moves by a fifth from one run to the next
(other tenants, frequency): a ratio between two sites measured a few minutes apart moves with it. Instructions do
not: valgrind's callgrind counts what the CPU executes, the same count twice for the same code, data and requests
whatever else the machine does. This counts, for each page, the instructions of one request through the whole
Django stack (middleware, routing, queries, templates, gzip), as a gunicorn worker serves it: production settings,
page cache off (PAGE_CACHE_SECONDS=0), the objects loaded at start left out of the garbage collector's passes
(``gc.freeze``, as cms/gunicorn.conf.py's ``pre_fork``), a few requests first to warm the process, then
BENCH_INSTR_REQUESTS (20) requests counted. Instructions are not time (a cache miss costs more than an addition), so
`make bench` stays the measure of time; this is the one that tells a change's effect and the ratio to bakerydemo
exactly.

With BENCH_BAKERYDEMO=/path/to/bakerydemo (set up as docs/benchmarks.md says), bakerydemo's home, bread and blog post
are counted the same way, and each portal page is given as a share of the bread's count (issue 13: a detail page at
most half of bakerydemo's). Needs valgrind and its headers and gcc (Debian's valgrind and gcc, installed when
missing). Uses the databases `make bench` fills (BENCH_PAGES_DATABASE_URL, BENCH_BAKERYDEMO_DATABASE_URL), filling
them when missing. The table goes to docs/benchmarks.md between its own markers (BENCH_OUTPUT=- prints only);
BENCH_ONLY="tool.fr region.ar" counts only those pages (nothing written).

Standard library only at module level: the `harness` subcommand runs inside the portal's (or bakerydemo's)
virtualenv, under valgrind.
"""

import datetime
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_pages  # noqa: E402 - the same databases, probes and bakerydemo set-up as `make bench`

START_MARKER = "<!-- bench-instructions:start -->"
END_MARKER = "<!-- bench-instructions:end -->"
SECTION_TITLE = "## Instructions per request (`make bench-instructions`)"
TOGGLE_SOURCE = """#include <valgrind/callgrind.h>
void count_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void count_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS_AT("page"); }
"""
WARM_UP = 3
GZIP = "gzip, deflate, br"  # what browsers and `make bench`'s wrk send: the portal compresses public pages


def ensure_tools():
    missing = [name for name in ("valgrind", "gcc") if not shutil.which(name)]
    if not Path("/usr/include/valgrind/callgrind.h").exists():
        missing.append("valgrind")
    if missing:
        print("Installing Debian's", " and ".join(sorted(set(missing))), "...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        command = ["apt-get", "install", "-y", "-qq", *sorted(set(missing))]
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


def build_toggle(work):
    """A small shared library whose two functions start and stop callgrind's counting (its client requests)."""
    source, library = Path(work) / "toggle.c", Path(work) / "toggle.so"
    source.write_text(TOGGLE_SOURCE)
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(library), str(source)], check=True)
    return library


def totals(out_dir, count):
    """Instructions of each counted page, in order: callgrind writes one file per dump (``cg.1``, ``cg.2``...)."""
    found = []
    for number in range(1, count + 1):
        text = (Path(out_dir) / f"cg.{number}").read_text()
        match = re.search(r"^totals:\s+(\d+)", text, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"no totals in callgrind's dump {number}")
        found.append(int(match.group(1)))
    return found


def count(python, env, cwd, pages, requests, library, work, name, headers):
    """Instructions per request of each page of ``pages``, counted in one process under callgrind."""
    out_dir = Path(work) / f"callgrind-{name}"
    out_dir.mkdir()
    spec = {"paths": [page["path"] for page in pages], "requests": requests, "library": str(library)}
    spec["headers"] = headers
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out_dir}/cg"]
    command += [python, str(Path(__file__).resolve()), "harness", json.dumps(spec)]
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{name} under callgrind failed: {done.stderr[-2000:]}")
    return [
        {**page, "site": name, "instructions": total / requests}
        for page, total in zip(pages, totals(out_dir, len(pages)), strict=True)
    ]


def run_harness(spec_json):
    """Inside the target's virtualenv, under valgrind: serve each path through Django's handler, counting only the
    measured requests (the library's start and stop around them)."""
    import ctypes
    import gc

    spec = json.loads(spec_json)
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from django.test import Client

    toggle = ctypes.CDLL(spec["library"])
    client = Client(**{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in spec["headers"].items()})
    gc.collect()
    gc.freeze()  # as gunicorn's pre_fork (cms/gunicorn.conf.py): what is loaded at start is never collected
    for path in spec["paths"]:
        for _ in range(WARM_UP):
            status = client.get(path).status_code
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        toggle.count_start()
        for _ in range(spec["requests"]):
            client.get(path)
        toggle.count_stop()


def render_report(rows, facts, requests, note):
    bread = next((row["instructions"] for row in rows if row["site"] == "bakerydemo" and row["page"] == "bread"), None)
    lines = [
        f"Run started {facts['date']} (`make bench-instructions`): callgrind (valgrind {facts['valgrind']}), "
        f"{requests} requests counted per page after {WARM_UP} to warm up, each through Django's whole stack with "
        "production settings, the page cache off and `Accept-Encoding: gzip`. Millions of instructions per request; "
        "the last column is the share of bakerydemo's bread.",
        "",
        "| site | page | millions of instructions per request | share of bakerydemo's bread |",
        "| --- | --- | ---: | ---: |",
    ]
    for row in rows:
        label = f"{row['page']} ({row['language']})"
        share = f"{row['instructions'] / bread:.0%}" if bread else "–"
        lines.append(f"| {row['site']} | {label} | {row['instructions'] / 1e6:.2f} | {share} |")
    lines.append("")
    details = [row for row in rows if row["site"] == "portal" and row.get("detail")]
    if bread and details:
        worst = max(details, key=lambda row: row["instructions"])
        share = worst["instructions"] / bread
        verdict = "met" if share <= 0.5 else "not met"
        lines.append(
            f"- **{verdict}** (in instructions): a detail page at most half of bakerydemo's: the portal's highest, "
            f"{worst['page']} ({worst['language']}), is {share:.0%} of the bread"
        )
    if note:
        lines.append(f"- bakerydemo: {note}")
    return "\n".join(lines)


def write_section(document, report):
    """``document`` with the report between this benchmark's own markers (``make bench``'s writer)."""
    return bench_pages.write_section(document, report, START_MARKER, END_MARKER, SECTION_TITLE)


def uncached_portal_pages(pages):
    """The probe's pages that render at each request: not the search (it never is cached, and reads no page)."""
    return [page for page in pages if not page["page"].startswith("search")]


def main():
    requests = int(os.environ.get("BENCH_INSTR_REQUESTS", "20"))
    only = set(os.environ.get("BENCH_ONLY", "").split())
    output = "-" if only else os.environ.get("BENCH_OUTPUT", str(ROOT / "docs" / "benchmarks.md"))
    database_url = os.environ.get("BENCH_PAGES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_pages")
    secret_key = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
    ensure_tools()
    version = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip()
    facts = {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"), "valgrind": version}
    note = ""
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as work:
        library = build_toggle(work)
        env = bench_pages.portal_env(database_url, str(Path(work) / "static"), secret_key)
        env["PAGE_CACHE_SECONDS"] = "0"
        python = bench_pages.prepare_portal(env, os.environ.get("BENCH_SKIP_LOAD"))
        pages = uncached_portal_pages(bench_pages.probe(python, "portal", env, ROOT, work))
        if only:
            pages = [page for page in pages if f"{page['page'].split()[0]}.{page['language']}" in only]
        print(f"Counting {len(pages)} portal pages under callgrind ...", flush=True)
        rows = count(
            python, env, ROOT, pages, requests, library, work, "portal", {"Host": "127.0.0.1", "Accept-Encoding": GZIP}
        )
        checkout = os.environ.get("BENCH_BAKERYDEMO")
        if checkout:
            try:
                rows += count_bakerydemo(checkout, secret_key, requests, library, work)
            except (RuntimeError, subprocess.CalledProcessError, KeyError) as error:
                note = f"comparison failed: {error}"
        else:
            note = "comparison skipped (BENCH_BAKERYDEMO not set)"
    report = render_report(rows, facts, requests, note)
    bench_pages.publish(report, output, write_section)


def count_bakerydemo(checkout, secret_key, requests, library, work):
    """bakerydemo's pages, counted as the portal's: its production settings behind a TLS proxy, as `make bench`."""
    python = bench_pages.bakerydemo_python(checkout)
    if not Path(python).exists():
        raise RuntimeError(f"no Python at {python}: set BENCH_BAKERYDEMO_PYTHON or follow docs/benchmarks.md")
    env = bench_pages.bakerydemo_env(secret_key)
    bench_pages.prepare_bakerydemo(python, env, checkout)
    pages = bench_pages.probe(python, "bakerydemo", env, checkout, work)
    print(f"Counting {len(pages)} bakerydemo pages under callgrind ...", flush=True)
    headers = {"Host": "127.0.0.1", "Accept-Encoding": GZIP, "X-Forwarded-Proto": "https"}
    rows = count(python, env, checkout, pages, requests, library, work, "bakerydemo", headers)
    return [{**row, "language": "en"} for row in rows]


if __name__ == "__main__":
    if sys.argv[1:2] == ["harness"]:
        run_harness(sys.argv[2])
    else:
        main()
