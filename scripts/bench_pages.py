"""`make bench`: the portal's pages under load, page by page, against a bare Django view measured in the same run.

Starts gunicorn (cms/gunicorn.conf.py, 2 workers, production settings, PostgreSQL, the demo content) for the portal
with the page cache off (PAGE_CACHE_SECONDS=0), then with it on (600 s, each page warmed first) beside the ceiling
(scripts/bench_ceiling_wsgi.py, a bare Django view, on BENCH_PORT + 1), and drives one URL at a time with wrk
(Debian's package, installed when missing). For each page it prints requests per second, p50 and p99 latency, the
server CPU per request (the gunicorn workers' user + system time from /proc, reaped workers included, divided by the
requests wrk counted), the PostgreSQL CPU per request (the backends of the benchmark database, sampled from /proc),
the SQL queries of one request, and each figure as a ratio to the ceiling's mean. The table goes to
docs/benchmarks.md between its markers (BENCH_OUTPUT=- prints only).

Shares are measured in alternation (``alternate``): the machine's speed drifts within a run (by a fifth in ten minutes
on a quiet shared host), so each cached page runs between two runs of the ceiling, and its share of the ceiling's
requests per second is judged against those two.

Optional comparison: BENCH_BAKERYDEMO=/path/to/bakerydemo serves Wagtail's demo site the same way (its own virtualenv
and database, DEBUG off) and measures its home and two detail pages (docs/benchmarks.md says how to set it up). Then,
with the portal served uncached beside it on BENCH_PORT + 1, it measures each portal detail page between two runs of
bakerydemo's cheapest detail page: the target "at most half of bakerydemo's CPU" is judged on those pairs.

Standard library only at module level: the `probe` subcommands import Django inside the project's (or bakerydemo's)
virtualenv to find the URLs and count queries.

Settings (environment): BENCH_PAGES_DATABASE_URL, BENCH_SECONDS (10), BENCH_CONNECTIONS (8), BENCH_THREADS (2),
BENCH_WORKERS (2), BENCH_PORT (8797), BENCH_TIMEOUT (30 s), BENCH_REDIS_URL (the page cache's Redis, by default
redis://127.0.0.1:6379/5 as production runs; empty for the database cache), BENCH_SKIP_LOAD=1 (the database already
holds the demo content; migrations still run), BENCH_ONLY="tool.fr home.ar"
(only these pages, named by the first word of their row and their language: home, tool, guide, region, tools,
adoption, search; nothing written), BENCH_OUTPUT (docs/benchmarks.md or -), BENCH_BAKERYDEMO,
BENCH_BAKERYDEMO_PYTHON, BENCH_BAKERYDEMO_DATABASE_URL.
"""

import datetime
import functools
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
START_MARKER = "<!-- bench-pages:start -->"
END_MARKER = "<!-- bench-pages:end -->"
SECTION_TITLE = "## Pages under load (`make bench`)"
# Targets of issue 13 on this 2-core machine.
CACHED_SHARE_TARGET = 0.5  # cached pages: at least half the ceiling's requests per second
DETAIL_CPU_TARGET_MS = 13.0  # uncached detail pages: at most 13 ms of server CPU per request
BAKERYDEMO_SHARE_TARGET = 0.5  # a detail page: at most half of bakerydemo's server CPU per request
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"  # the page cache as production keeps it (REDIS_URL)
# Browsers ask for compressed pages; so does wrk here (the portal gzips HTML, the ceiling's answer is too small).
WRK_HEADERS = ("Accept-Encoding: gzip, deflate, br",)
# bakerydemo's production settings always redirect to HTTPS: it is measured as behind its TLS proxy, which says so.
BEHIND_TLS_PROXY = ("X-Forwarded-Proto: https",)
SEARCH_WORDS = {"fr": "participation", "ar": "المشاركة", "en": "participation"}


# --- wrk ------------------------------------------------------------------------------------------------------------

DURATION_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def duration_ms(text):
    """wrk's "812.00us", "4.21ms", "1.02s" or "1.50m" in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * DURATION_UNITS_MS[match.group(2)]


@dataclass
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int = 0  # socket errors (connect, read, write, timeout) and answers other than 2xx or 3xx

    @property
    def ok(self):
        return self.requests > 0 and self.errors == 0


def parse_wrk(output):
    """The figures of one `wrk --latency` run; ValueError when the output has no summary (wrk failed)."""
    summary = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m),", output, re.M)
    rps = re.search(r"^Requests/sec:\s*([\d.]+)", output, re.M)
    if not summary or not rps:
        raise ValueError("wrk printed no summary:\n" + output)
    percentiles = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return WrkResult(
        requests=int(summary.group(1)),
        seconds=duration_ms(summary.group(2) + summary.group(3)) / 1000,
        rps=float(rps.group(1)),
        p50_ms=duration_ms(percentiles["50"]),
        p99_ms=duration_ms(percentiles["99"]),
        errors=errors,
    )


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing Debian's wrk...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env, stdout=subprocess.DEVNULL)


def run_wrk(url, config, headers=WRK_HEADERS):
    command = ["wrk", f"-t{config.threads}", f"-c{config.connections}", f"-d{config.seconds}s", "--latency"]
    command += ["--timeout", f"{config.timeout}s"]
    for header in headers:
        command += ["-H", header]
    done = subprocess.run([*command, url], capture_output=True, text=True)
    return parse_wrk(done.stdout + done.stderr)


# --- CPU from /proc -------------------------------------------------------------------------------------------------


def _stat_fields(pid):
    """Fields 3 onwards of /proc/<pid>/stat (after the command name, which may hold spaces)."""
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def server_cpu_seconds(master):
    """User + system CPU of gunicorn's master and its workers, those it has reaped included (cutime, cstime): a
    worker replaced after max_requests during a run is still counted."""
    fields = _stat_fields(master)
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    for pid in _pids():
        try:
            child = _stat_fields(pid)
        except OSError:
            continue
        if int(child[1]) == master:
            ticks += int(child[11]) + int(child[12])
    return ticks / CLOCK_TICKS


class BackendSampler:
    """CPU of the PostgreSQL backends serving one database, sampled from /proc while wrk runs.

    A backend started during the run counts from zero (its connection set-up is part of the load); one that exits
    between two samples loses at most its last 0.2 s, so the figure is a lower bound when workers are replaced often.
    """

    INTERVAL = 0.2

    def __init__(self, database):
        self.pattern = re.compile(rb"^postgres: (?:[^:]+: )?\S+ " + re.escape(database.encode()) + rb" ")
        self.first = {}
        self.last = {}
        self._stop = threading.Event()
        self._thread = None

    def _sample(self):
        seen = {}
        for pid in _pids():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                    if not self.pattern.match(cmdline.read()):
                        continue
                fields = _stat_fields(pid)
            except OSError:
                continue
            seen[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        return seen

    def _loop(self):
        while not self._stop.wait(self.INTERVAL):
            self.last.update(self._sample())

    def start(self):
        self.first = self._sample()
        self.last = dict(self.first)
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()
        self.last.update(self._sample())
        return sum(cpu - self.first.get(pid, 0.0) for pid, cpu in self.last.items())


# --- servers --------------------------------------------------------------------------------------------------------


class Server:
    """One gunicorn master started by this script, stopped by its own process id."""

    def __init__(self, name, command, env, cwd, log_dir, port):
        if port_in_use(port):  # or the run would measure whatever else listens there
            raise RuntimeError(f"127.0.0.1:{port} is already in use: set BENCH_PORT to a free port")
        self.name = name
        self.log_path = Path(log_dir) / f"{name}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 (open as long as the server runs; closed in stop)
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT)

    @property
    def pid(self):
        return self.process.pid

    def wait_ready(self, port, path, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:  # any answer will do (bakerydemo answers its readiness probe with a redirect to HTTPS)
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", path)
                connection.getresponse().read()
                connection.close()
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not answer {path}; its log: {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def port_in_use(port):
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()
    except OSError:
        return False
    return True


def gunicorn_command(gunicorn, app, config, pythonpath=None, port=None):
    command = [gunicorn, "-c", str(ROOT / "cms" / "gunicorn.conf.py"), "--workers", str(config.workers)]
    command += ["--bind", f"127.0.0.1:{port or config.port}", "--log-level", "warning"]
    if pythonpath:
        command += ["--pythonpath", str(pythonpath)]
    return [*command, app]


def fetch(url, headers=WRK_HEADERS):
    """Status and X-Page-Cache header of one GET, as wrk will send it."""
    request = urllib.request.Request(url, headers=dict(header.split(": ", 1) for header in headers))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


# --- measuring ------------------------------------------------------------------------------------------------------


@dataclass
class Config:
    seconds: int = 10
    connections: int = 8
    threads: int = 2
    workers: int = 2
    port: int = 8797
    # wrk's own default (2 s) would count a slow page queued behind others on a busy machine as an error.
    timeout: int = 30
    warm: int = 20  # requests before each run: every worker has compiled its templates and filled its caches

    @classmethod
    def from_env(cls):
        env = os.environ
        return cls(
            seconds=int(env.get("BENCH_SECONDS", cls.seconds)),
            connections=int(env.get("BENCH_CONNECTIONS", cls.connections)),
            threads=int(env.get("BENCH_THREADS", cls.threads)),
            workers=int(env.get("BENCH_WORKERS", cls.workers)),
            port=int(env.get("BENCH_PORT", cls.port)),
            timeout=int(env.get("BENCH_TIMEOUT", cls.timeout)),
        )


@dataclass
class Row:
    site: str  # "portal", "ceiling" or "bakerydemo"
    page: str
    language: str
    path: str
    cache: str  # "uncached", "cached", or "-" (the ceiling, bakerydemo)
    detail: bool = False
    queries: object = None  # SQL queries of one request (None: not counted)
    state: str = ""  # X-Page-Cache of the request before the run
    result: WrkResult = None
    cpu_ms: float = 0.0
    db_cpu_ms: float = 0.0
    error: str = ""

    @property
    def label(self):
        return f"{self.page} ({self.language})" if self.language else self.page


def measure(row, server, sampler, config, headers=WRK_HEADERS, port=None):
    url = f"http://127.0.0.1:{port or config.port}{row.path}"
    for _ in range(config.warm):
        status, row.state = fetch(url, headers)
        if status != 200:
            row.error = f"HTTP {status}"
            return row
    cpu_before = server_cpu_seconds(server.pid)
    if sampler:
        sampler.start()
    try:
        row.result = run_wrk(url, config, headers)
    except ValueError as error:
        row.error = str(error).splitlines()[0]
    cpu_after = server_cpu_seconds(server.pid)
    db_cpu = sampler.stop() if sampler else 0.0
    if row.result and row.result.requests:
        row.cpu_ms = (cpu_after - cpu_before) * 1000 / row.result.requests
        row.db_cpu_ms = db_cpu * 1000 / row.result.requests
        if row.result.errors:
            row.error = f"{row.result.errors} errors"
    label = f"{row.site} {row.label} {row.cache}".ljust(44)
    if row.result:
        print(
            f"  {label} {row.result.rps:8.1f} req/s  p50 {row.result.p50_ms:6.2f} ms  cpu {row.cpu_ms:6.2f} ms/req"
            f"  db {row.db_cpu_ms:5.2f} ms/req {row.state} {row.error}",
            flush=True,
        )
    else:
        print(f"  {label} failed: {row.error}", flush=True)
    return row


@dataclass
class Pair:
    """A page measured between two runs of a reference, a minute apart at most: bakerydemo's cheapest detail page
    (``metric`` "cpu_ms": the page's share of its CPU per request) or the ceiling ("rps": its share of the ceiling's
    requests per second).

    The machine's speed drifts (by a fifth within ten minutes on a shared host, 2026-12-07) while the ratio of two
    pages measured in the same minute holds: the page is compared with the mean of the runs just before and after it.
    """

    page: Row
    before: Row
    after: Row
    metric: str = "cpu_ms"

    def value(self, row):
        return row.cpu_ms if self.metric == "cpu_ms" else row.result.rps

    @property
    def ok(self):
        return all(row.result and row.result.ok for row in (self.page, self.before, self.after))

    @property
    def reference(self):
        return (self.value(self.before) + self.value(self.after)) / 2 if self.ok else None

    @property
    def share(self):
        return self.value(self.page) / self.reference if self.ok and self.reference else None


def alternate(items, measure_item, measure_reference, metric):
    """Each item measured between two runs of the reference (n items, n + 1 reference runs): the pairs, in order."""
    pairs = []
    before = measure_reference()
    for item in items:
        page = measure_item(item)
        after = measure_reference()
        pairs.append(Pair(page, before, after, metric))
        before = after
    return pairs


@dataclass
class Ceiling:
    runs: list = field(default_factory=list)

    def mean(self, attribute):
        values = [getattr(run, attribute) for run in self.runs if run.result and run.result.ok]
        return sum(values) / len(values) if values else None

    def mean_result(self, attribute):
        values = [getattr(run.result, attribute) for run in self.runs if run.result and run.result.ok]
        return sum(values) / len(values) if values else None


# --- the table ------------------------------------------------------------------------------------------------------


def _ratio(value, reference):
    return f"{value / reference:.2f}×" if value is not None and reference else "–"


def _ms(value):
    return f"{value:.2f}" if value is not None else "–"


def render_table(rows, ceiling):
    """The Markdown table: one row per page and cache state, each figure with its ratio to the ceiling."""
    c_rps, c_p50, c_p99 = ceiling.mean_result("rps"), ceiling.mean_result("p50_ms"), ceiling.mean_result("p99_ms")
    c_cpu = ceiling.mean("cpu_ms")
    lines = [
        "| site | page | page cache | req/s | % of ceiling | p50 ms | × ceiling | p99 ms | × ceiling "
        "| CPU ms/req | × ceiling | PostgreSQL CPU ms/req | SQL queries |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cache = row.cache if not row.state else f"{row.cache} ({row.state})"
        queries = "–" if row.queries is None else str(row.queries)
        if not row.result or not row.result.requests:
            lines.append(f"| {row.site} | {row.label} | {cache} | failed: {row.error} |" + " |" * 9)
            continue
        r = row.result
        share = f"{100 * r.rps / c_rps:.0f} %" if c_rps else "–"
        errors = f" ({row.error})" if row.error else ""
        lines.append(
            f"| {row.site} | {row.label} | {cache} | {r.rps:,.0f}{errors} | {share} | {_ms(r.p50_ms)} "
            f"| {_ratio(r.p50_ms, c_p50)} | {_ms(r.p99_ms)} | {_ratio(r.p99_ms, c_p99)} | {_ms(row.cpu_ms)} "
            f"| {_ratio(row.cpu_ms, c_cpu)} | {_ms(row.db_cpu_ms)} | {queries} |"
        )
    return "\n".join(lines)


def _worst(pairs, highest):
    """The pair furthest from its target (a failed pair first): the highest share, or the lowest."""
    failed = [pair for pair in pairs if pair.share is None]
    if failed:
        return failed[0]
    return (max if highest else min)(pairs, key=lambda pair: pair.share)


def _share(pair):
    return f"{pair.share:.0%}" if pair.share is not None else "failed"


def verdicts(rows, cached_pairs=(), bakerydemo_pairs=()):
    """The targets of issue 13, each as (text, met). The two shares are judged on pages measured in alternation with
    their reference (``alternate``): cached hits against the ceiling, detail pages against bakerydemo."""
    out = []
    hits = [pair for pair in cached_pairs if pair.page.state == "hit"]  # search is never stored ("pass")
    if hits:
        worst = _worst(hits, highest=False)
        met = all(pair.share is not None and pair.share >= CACHED_SHARE_TARGET for pair in hits)
        out.append(
            (
                f"cached pages at least {CACHED_SHARE_TARGET:.0%} of the ceiling's req/s, measured in alternation: "
                f"lowest {_share(worst)} ({worst.page.label})",
                met,
            )
        )
    details = [r for r in rows if r.site == "portal" and r.cache == "uncached" and r.detail]
    if details:
        worst = max(details, key=lambda r: r.cpu_ms)
        met = all(r.result and r.result.ok and r.cpu_ms <= DETAIL_CPU_TARGET_MS for r in details)
        out.append(
            (
                f"uncached detail pages within {DETAIL_CPU_TARGET_MS:.0f} ms of server CPU per request: highest "
                f"{worst.cpu_ms:.2f} ms ({worst.label})",
                met,
            )
        )
    if bakerydemo_pairs:
        worst = _worst(bakerydemo_pairs, highest=True)
        met = all(pair.share is not None and pair.share <= BAKERYDEMO_SHARE_TARGET for pair in bakerydemo_pairs)
        out.append(
            (
                f"a detail page at most half of bakerydemo's server CPU per request, measured in alternation: the "
                f"highest share {_share(worst)} ({worst.page.label}: {worst.page.cpu_ms:.2f} ms against "
                f"{worst.before.label}'s {worst.before.cpu_ms:.2f} and {worst.after.cpu_ms:.2f} ms around it)",
                met,
            )
        )
    return out


PAIR_COLUMNS = {
    "cpu_ms": ("CPU ms/req", "its CPU ms/req before", "share of its CPU"),
    "rps": ("req/s", "its req/s before", "share of its req/s"),
}


def render_pairs(pairs):
    """The pages measured in alternation, each with the reference's runs just before and after it."""
    if not pairs:
        return ""
    value, before, share = PAIR_COLUMNS[pairs[0].metric]
    lines = [
        f"| page | page cache | {value} | reference | {before} | after | {share} |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: |",
    ]

    def figure(pair, row):
        if not (row.result and row.result.requests):
            return "failed"
        return _ms(row.cpu_ms) if pair.metric == "cpu_ms" else f"{row.result.rps:,.0f}"

    for pair in pairs:
        cache = pair.page.cache if not pair.page.state else f"{pair.page.cache} ({pair.page.state})"
        lines.append(
            f"| {pair.page.label} | {cache} | {figure(pair, pair.page)} | {pair.before.site} {pair.before.label} "
            f"| {figure(pair, pair.before)} | {figure(pair, pair.after)} | {_share(pair)} |"
        )
    return "\n".join(lines)


def reference_runs(pairs):
    """The reference's runs of ``alternate``, each once: the one before the first page, then the one after each."""
    return [pairs[0].before, *(pair.after for pair in pairs)] if pairs else []


def render_report(rows, facts, config, bakerydemo_note, cached_pairs=(), bakerydemo_pairs=()):
    ceiling = Ceiling(runs=reference_runs(cached_pairs))
    runs = [run.result.rps for run in ceiling.runs if run.result]
    lines = [
        f"Run started {facts['date']} (`make bench`) on {facts['machine']}: {facts['cores']} cores, load average "
        f"{facts['load_before']} before the run and {facts['load_after']} after (the machine is shared: other jobs "
        "may run beside it). gunicorn (cms/gunicorn.conf.py) with "
        f"{config.workers} workers; wrk {config.threads} threads, {config.connections} connections, "
        f"{config.seconds} s per page, timeout {config.timeout} s, `{WRK_HEADERS[0]}`; page cache in "
        f"{'Redis' if page_cache_url() else 'the database cache'}. Ceiling: a bare Django view, "
        f"{ceiling.mean_result('rps') or 0:,.0f} req/s on average over {len(runs)} runs "
        f"({min(runs, default=0):,.0f} to {max(runs, default=0):,.0f}); the ratios of the first table use that mean.",
        "",
        render_table(rows, ceiling),
        "",
    ]
    if cached_pairs:
        lines += [
            "Cached pages in alternation with the ceiling (both servers up, one driven at a time), each between the "
            "ceiling's runs just before and after it:",
            "",
            render_pairs(cached_pairs),
            "",
        ]
    if bakerydemo_pairs:
        lines += [
            "Detail pages (page cache off) in alternation with bakerydemo's cheapest detail page (both servers up, "
            "one driven at a time), each between its runs just before and after it:",
            "",
            render_pairs(bakerydemo_pairs),
            "",
        ]
    lines += ["Targets (issue 13):", ""]
    for text, met in verdicts(rows, cached_pairs, bakerydemo_pairs):
        lines.append(f"- {'**met**' if met else '**not met**'}: {text}")
    if bakerydemo_note:
        lines.append(f"- bakerydemo: {bakerydemo_note}")
    return "\n".join(lines)


def write_section(document, report, start=START_MARKER, end=END_MARKER, title=SECTION_TITLE):
    """``document`` with the report between the markers (added under the section title when missing)."""
    block = f"{start}\n{report}\n{end}"
    if start in document and end in document:
        before, rest = document.split(start, 1)
        return before + block + rest.split(end, 1)[1]
    return document.rstrip("\n") + f"\n\n{title}\n\n{block}\n"


# --- probes (run inside a Django project's virtualenv) --------------------------------------------------------------


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm the per-process caches every request shares, as the query budget tests do
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return len(captured)


def first_pages(kinds):
    """The first live public page in tree order of each (class name, language) asked for: two runs over the same
    demo content measure the same pages."""
    from wagtail.models import Page

    found = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        key = (type(page).__name__, page.locale.language_code)
        if key in kinds and key not in found and page.url:
            found[key] = page
    return found


def probe_portal():
    """The portal's pages to measure and their SQL queries, uncached and on a page-cache hit."""
    from collections import Counter
    from urllib.parse import quote

    from django.test import Client
    from django.test.utils import override_settings

    from toolkit.models import ToolPage

    wanted = [
        ("home", "HomePage", "fr", False),
        ("home", "HomePage", "ar", False),
        ("tool", "ToolPage", "fr", True),
        ("tool", "ToolPage", "ar", True),
        ("guide", "GuidePage", "fr", True),
        ("region", "RegionPage", "fr", True),
        ("region", "RegionPage", "ar", True),
        ("tools filtered by theme", "ToolIndexPage", "fr", False),
        ("adoption overview", "AdoptionOverviewPage", "fr", False),
        ("adoption overview", "AdoptionOverviewPage", "ar", False),
    ]
    found = first_pages({(kind, language) for _, kind, language, _ in wanted})
    themes = Counter(
        slug
        for slug in ToolPage.objects.live().filter(locale__language_code="fr").values_list("themes__slug", flat=True)
        if slug
    )
    pages = []
    for name, kind, language, detail in wanted:
        page = found.get((kind, language))
        if page is None:
            raise SystemExit(f"No live {kind} in {language}: is the demo content loaded?")
        path = page.url
        if kind == "ToolIndexPage":
            path += f"?theme={themes.most_common(1)[0][0]}"
        pages.append({"page": name, "language": language, "path": path, "detail": detail})
    for language in ("fr", "ar"):
        pages.append(
            {
                "page": "search",
                "language": language,
                "detail": False,
                "path": f"/{language}/search/?q={quote(SEARCH_WORDS[language])}",
            }
        )
    client = Client(HTTP_HOST="127.0.0.1")
    for page in pages:
        with override_settings(PAGE_CACHE_SECONDS=0):
            page["queries_uncached"] = count_queries(client, page["path"])
        with override_settings(PAGE_CACHE_SECONDS=600):
            page["queries_cached"] = count_queries(client, page["path"])
    return pages


def probe_bakerydemo():
    """bakerydemo's home and two detail pages (a bread, a blog post) and their SQL queries (it has no page cache)."""
    from django.test import Client

    found = first_pages({("BreadPage", "en"), ("BlogPage", "en"), ("HomePage", "en")})
    pages = [
        {"page": "home", "path": found[("HomePage", "en")].url, "detail": False},
        {"page": "bread", "path": found[("BreadPage", "en")].url, "detail": True},
        {"page": "blog post", "path": found[("BlogPage", "en")].url, "detail": True},
    ]
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for page in pages:
        page["queries_uncached"] = count_queries(client, page["path"])
    return pages


def run_probe(which, out_path):
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    pages = probe_portal() if which == "portal" else probe_bakerydemo()
    Path(out_path).write_text(json.dumps(pages))


# --- the run --------------------------------------------------------------------------------------------------------


def database_name(url):
    return url.rstrip("/").rsplit("/", 1)[1]


def createdb(url):
    """True when the database was created now, False when it existed."""
    maintenance = url.rstrip("/").rsplit("/", 1)[0] + "/postgres"
    done = subprocess.run(["createdb", f"--maintenance-db={maintenance}", database_name(url)], capture_output=True)
    return done.returncode == 0


def manage(python, *args, env, cwd=ROOT):
    subprocess.run([python, "manage.py", *args], env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def prepare_portal(env, skip_load):
    python = str(ROOT / ".venv" / "bin" / "python")
    createdb(env["DATABASE_URL"])
    manage(python, "compile_catalogues", env=env)
    manage(python, "collectstatic", "--no-input", "-v", "0", env=env)
    manage(python, "migrate", "--no-input", "-v", "0", env=env)  # also when skipping the load: new migrations
    if not skip_load:
        print("Loading the demo content into", database_name(env["DATABASE_URL"]), "...", flush=True)
        manage(python, "bootstrap_portal", env=env)
        manage(python, "load_demo_content", "--force", "-v", "0", env=env)
        manage(python, "search_index", "ensure", env=env)
    return python


def probe(python, which, env, cwd, log_dir):
    out = Path(log_dir) / f"probe-{which}.json"
    subprocess.run(
        [python, str(Path(__file__).resolve()), "probe", which, str(out)],
        env=env,
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(out.read_text())


def portal_env(database_url, static_root, secret_key):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY=secret_key,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        GUNICORN_LOG_LEVEL="warning",
    )
    # The cache every worker shares: Redis, as in production, else Django's database cache (see page_cache_url).
    env.pop("REDIS_URL", None)
    if url := page_cache_url():
        env["REDIS_URL"] = url
    return env


@functools.cache
def page_cache_url():
    """The Redis URL of the page cache: BENCH_REDIS_URL, by default this machine's Redis (database 5), as production
    runs; "" (BENCH_REDIS_URL= or no Redis answering) measures Django's database cache instead."""
    url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1).close()
    except OSError:
        return ""
    return url


def ready(server, port, path):
    """``server`` once it answers ``path``; stopped if it never does."""
    try:
        server.wait_ready(port, path)
    except RuntimeError:
        server.stop()
        raise
    return server


def start_ceiling(config, env, log_dir, port):
    """The ceiling, a bare Django view (scripts/bench_ceiling_wsgi.py), under the same gunicorn configuration."""
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    command = gunicorn_command(gunicorn, "bench_ceiling_wsgi:application", config, ROOT / "scripts", port)
    return ready(Server("ceiling", command, env, ROOT, log_dir, port), port, "/")


def start_portal(name, env, config, log_dir, port):
    """The portal under gunicorn on ``port``, as production serves it (``env``: portal_env)."""
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    command = gunicorn_command(gunicorn, "cms.wsgi:application", config, port=port)
    return ready(Server(name, command, env, ROOT, log_dir, port), port, "/healthz")


def portal_row(page, cache_seconds):
    """The row of one probed portal page, with the page cache on (``cache_seconds``) or off."""
    return Row(
        site="portal",
        page=page["page"],
        language=page["language"],
        path=page["path"],
        cache="cached" if cache_seconds else "uncached",
        detail=page["detail"],
        queries=page["queries_cached" if cache_seconds else "queries_uncached"],
    )


def bench_uncached(pages, config, env, log_dir):
    """Each page with the page cache off (PAGE_CACHE_SECONDS=0), one after the other."""
    env = {**env, "PAGE_CACHE_SECONDS": "0"}
    server = start_portal("portal-uncached", env, config, log_dir, config.port)
    sampler = BackendSampler(database_name(env["DATABASE_URL"]))
    try:
        return [measure(portal_row(page, 0), server, sampler, config) for page in pages]
    finally:
        server.stop()


def bench_cached(pages, config, env, log_dir):
    """Each page with the page cache on (600 s, each page warmed first, so the run reads a stored page), between two
    runs of the ceiling served beside it on the next port. Returns (rows, pairs)."""
    env = {**env, "PAGE_CACHE_SECONDS": "600"}
    manage(str(ROOT / ".venv" / "bin" / "python"), "clear_page_cache", env=env)
    ceiling_port = config.port + 1
    server = ceiling = None
    sampler = BackendSampler(database_name(env["DATABASE_URL"]))
    runs = iter(range(1, len(pages) + 2))
    try:
        server = start_portal("portal-cached", env, config, log_dir, config.port)
        ceiling = start_ceiling(config, env, log_dir, ceiling_port)

        def ceiling_run():
            label = f"bare Django view, run {next(runs)}"
            row = Row(site="ceiling", page=label, language="", path="/", cache="–", queries=0)
            return measure(row, ceiling, None, config, port=ceiling_port)

        pairs = alternate(
            pages, lambda page: measure(portal_row(page, 600), server, sampler, config), ceiling_run, "rps"
        )
    finally:
        for started in (server, ceiling):
            if started:
                started.stop()
    return [pair.page for pair in pairs], pairs


def bakerydemo_python(checkout):
    return os.environ.get("BENCH_BAKERYDEMO_PYTHON") or str(Path(checkout) / ".venv" / "bin" / "python")


def bakerydemo_env(secret_key):
    """bakerydemo's environment: its production settings on its own database, none of the portal's services."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=os.environ.get(
            "BENCH_BAKERYDEMO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bakerydemo_bench"
        ),
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        GUNICORN_LOG_LEVEL="warning",
    )
    for name in ("REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT", "SECRET_KEY", "STATIC_ROOT"):
        env.pop(name, None)
    return env


def prepare_bakerydemo(python, env, checkout):
    """Its database filled once (``load_initial_data``), its static files collected."""
    database_url = env["DATABASE_URL"]
    if createdb(database_url):
        print("Loading bakerydemo's initial data into", database_name(database_url), "...", flush=True)
        manage(python, "migrate", "--no-input", "-v", "0", env=env, cwd=checkout)
        manage(python, "load_initial_data", env=env, cwd=checkout)
    manage(python, "collectstatic", "--no-input", "-v", "0", env=env, cwd=checkout)


def bench_bakerydemo(checkout, config, secret_key, log_dir, portal, details):
    """bakerydemo served as the portal is (same gunicorn configuration and workers, DEBUG off, PostgreSQL): its
    pages one by one, then the portal's detail pages ``details`` in alternation with its cheapest detail page.

    ``portal`` is the portal's environment: it is served uncached beside bakerydemo, on the next port, idle while
    bakerydemo is driven. Returns (rows, pairs).
    """
    python = bakerydemo_python(checkout)
    if not Path(python).exists():
        raise RuntimeError(f"no Python at {python}: set BENCH_BAKERYDEMO_PYTHON or follow docs/benchmarks.md")
    env = bakerydemo_env(secret_key)
    prepare_bakerydemo(python, env, checkout)
    pages = probe(python, "bakerydemo", env, checkout, log_dir)
    gunicorn = str(Path(python).parent / "gunicorn")
    server = Server(
        "bakerydemo",
        gunicorn_command(gunicorn, "bakerydemo.wsgi:application", config),
        env,
        checkout,
        log_dir,
        config.port,
    )
    portal_port = config.port + 1
    portal_server = None
    sampler = BackendSampler(database_name(env["DATABASE_URL"]))
    rows, pairs = [], []
    try:
        server.wait_ready(config.port, "/")

        def bakery(page):
            row = Row(
                site="bakerydemo",
                page=page["page"],
                language="en",
                path=page["path"],
                cache="–",
                detail=page["detail"],
                queries=page["queries_uncached"],
            )
            return measure(row, server, sampler, config, (*WRK_HEADERS, *BEHIND_TLS_PROXY))

        rows = [bakery(page) for page in pages]
        measured = [row for row in rows if row.detail and row.result and row.result.ok]
        if not (details and measured):
            return rows, pairs
        cheapest = min(measured, key=lambda row: row.cpu_ms)
        reference = next(page for page in pages if page["path"] == cheapest.path)
        uncached = {**portal, "PAGE_CACHE_SECONDS": "0"}
        portal_server = start_portal("portal-paired", uncached, config, log_dir, portal_port)
        portal_sampler = BackendSampler(database_name(portal["DATABASE_URL"]))
        print("  in alternation:", flush=True)
        pairs = alternate(
            details,
            lambda page: measure(portal_row(page, 0), portal_server, portal_sampler, config, port=portal_port),
            lambda: bakery(reference),
            "cpu_ms",
        )
    finally:
        server.stop()
        if portal_server:
            portal_server.stop()
    return rows, pairs


def machine_facts():
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "machine": model}


def load_average():
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    config = Config.from_env()
    only = set(os.environ.get("BENCH_ONLY", "").split())
    output = os.environ.get("BENCH_OUTPUT", str(ROOT / "docs" / "benchmarks.md"))
    if only:
        output = "-"
    database_url = os.environ.get("BENCH_PAGES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_pages")
    secret_key = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
    ensure_wrk()
    facts = {**machine_facts(), "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")}
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as work:
        static_root = Path(work) / "static"
        env = portal_env(database_url, str(static_root), secret_key)
        python = prepare_portal(env, os.environ.get("BENCH_SKIP_LOAD"))
        pages = probe(python, "portal", env, ROOT, work)
        if only:
            pages = [page for page in pages if f"{page['page'].split()[0]}.{page['language']}" in only]
        facts["load_before"] = load_average()
        print(f"Load average before: {facts['load_before']} ({facts['cores']} cores)", flush=True)
        rows = bench_uncached(pages, config, env, work)
        cached_rows, cached_pairs = bench_cached(pages, config, env, work)
        rows += cached_rows
        bakerydemo_note = ""
        bakerydemo_pairs = []
        checkout = os.environ.get("BENCH_BAKERYDEMO")
        if checkout:
            try:
                details = [page for page in pages if page["detail"]]
                bakery_rows, bakerydemo_pairs = bench_bakerydemo(checkout, config, secret_key, work, env, details)
                rows += bakery_rows
            except (RuntimeError, subprocess.CalledProcessError, KeyError) as error:
                bakerydemo_note = f"comparison failed: {error}"
        else:
            bakerydemo_note = "comparison skipped (BENCH_BAKERYDEMO not set)"
        facts["load_after"] = load_average()
    report = render_report(rows, facts, config, bakerydemo_note, cached_pairs, bakerydemo_pairs)
    publish(report, output)


def publish(report, output, writer=write_section):
    """Print the report, and write it into ``output``'s section (``-``: print only)."""
    print()
    print(report)
    if output != "-":
        path = Path(output)
        path.write_text(writer(path.read_text() if path.exists() else "# Benchmarks\n", report))
        print(f"\nWritten to {path}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["probe"]:
        run_probe(sys.argv[2], sys.argv[3])
    else:
        main()
