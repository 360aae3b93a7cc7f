"""`make bench` (scripts/bench_pages.py) reads wrk's output, renders its table and rewrites only its own part of
docs/benchmarks.md. No server, no network, no timing: recorded wrk output and made-up figures."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_pages.py"
spec = importlib.util.spec_from_file_location("bench_pages", SCRIPT)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8797/fr/outils/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.31ms    2.10ms  30.01ms   80.00%
    Req/Sec   760.00     50.00     1.00k    70.00%
  Latency Distribution
     50%  812.00us
     75%    6.10ms
     90%    7.80ms
     99%    1.02s
  15200 requests in 10.01s, 400.12MB read
  Socket errors: connect 0, read 5, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:   1518.48
Transfer/sec:     39.97MB
"""


def test_wrk_output_is_read_with_its_units_and_errors():
    result = bench.parse_wrk(WRK_OUTPUT)
    assert result.requests == 15200
    assert result.seconds == pytest.approx(10.01)
    assert result.rps == pytest.approx(1518.48)
    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(1020.0)
    assert result.errors == 10  # 5 read + 2 timeouts + 3 answers other than 2xx/3xx
    assert not result.ok


def test_a_clean_run_is_ok():
    clean = WRK_OUTPUT.replace("  Socket errors: connect 0, read 5, write 0, timeout 2\n", "").replace(
        "  Non-2xx or 3xx responses: 3\n", ""
    )
    assert bench.parse_wrk(clean).ok


def test_wrk_without_a_summary_is_an_error():
    with pytest.raises(ValueError, match="no summary"):
        bench.parse_wrk("unable to connect to 127.0.0.1:8797 Connection refused\n")


def row(site, page, cache, rps, cpu_ms, *, detail=False, state="", queries=12):
    result = bench.WrkResult(requests=int(rps * 10), seconds=10.0, rps=rps, p50_ms=1000 / rps, p99_ms=3000 / rps)
    return bench.Row(
        site=site, page=page, language="fr", path="/fr/", cache=cache, detail=detail, queries=queries,
        state=state, result=result, cpu_ms=cpu_ms, db_cpu_ms=cpu_ms / 4,
    )  # fmt: skip


@pytest.fixture
def measured():
    ceiling = bench.Ceiling(runs=[row("ceiling", "bare", "–", 2000, 0.4), row("ceiling", "bare", "–", 2000, 0.6)])
    rows = [
        row("portal", "tool", "uncached", 100, 12.0, detail=True),
        row("portal", "guide", "uncached", 90, 14.5, detail=True),
        row("portal", "tool", "cached", 1200, 0.8, state="hit", queries=1),
        row("portal", "search", "cached", 150, 6.0, state="pass", queries=1),
        row("bakerydemo", "bread", "–", 40, 24.0, detail=True, queries=19),
    ]
    return ceiling, rows


def test_the_table_gives_each_figure_and_its_ratio_to_the_ceiling(measured):
    ceiling, rows = measured
    table = bench.render_table(rows, ceiling).splitlines()
    assert len(table) == 2 + len(rows)
    tool_cached = next(line for line in table if "| tool (fr) | cached (hit) |" in line)
    cells = [cell.strip() for cell in tool_cached.strip("|").split("|")]
    # req/s, share of the ceiling's 2,000 req/s, p50 and its ratio, ..., CPU ms/req and its ratio, PostgreSQL, queries
    assert cells[3:6] == ["1,200", "60 %", "0.83"]
    assert cells[6] == "1.67×"  # 0.83 ms against the ceiling's mean p50 of 0.50 ms
    assert cells[9:13] == ["0.80", "1.60×", "0.20", "1"]


def test_the_targets_are_judged_on_the_rows_they_concern(measured):
    ceiling, rows = measured
    judged = {text.split(":")[0]: met for text, met in bench.verdicts(rows, ceiling)}
    # The search page is never stored ("pass"): it does not count among the cached pages.
    assert judged["cached pages at least 50% of the ceiling's req/s"] is True
    assert judged["uncached detail pages within 13 ms of server CPU per request"] is False  # the guide's 14.5 ms
    # Without pages measured in alternation with bakerydemo, there is no verdict on it (not a "met").
    assert not any("bakerydemo" in text for text in judged)


BAKERYDEMO_TARGET = "a detail page at most half of bakerydemo's server CPU per request, measured in alternation"


def pair(page_ms, before_ms, after_ms):
    return bench.Pair(
        row("portal", "tool", "uncached", 100, page_ms, detail=True),
        row("bakerydemo", "bread", "–", 40, before_ms, detail=True),
        row("bakerydemo", "bread", "–", 40, after_ms, detail=True),
    )


def test_each_detail_page_is_compared_with_bakerydemo_around_it(measured):
    """The machine slowed between the two pairs: each page's share uses the reference measured in its minutes."""
    ceiling, rows = measured
    pairs = [pair(10.0, 24.0, 26.0), pair(13.0, 26.0, 30.0)]
    assert [round(p.share, 3) for p in pairs] == [0.4, 0.464]
    judged = dict(bench.verdicts(rows, ceiling, pairs))
    text = next(text for text in judged if text.startswith(BAKERYDEMO_TARGET))
    assert judged[text] is True
    assert "highest share 46% (tool (fr): 13.00 ms against bread (fr)'s 26.00 and 30.00 ms around it)" in text


def bakerydemo_verdict(rows, ceiling, pairs):
    judged = bench.verdicts(rows, ceiling, pairs)
    (verdict,) = [(text, met) for text, met in judged if text.startswith(BAKERYDEMO_TARGET)]
    return verdict


def test_a_pair_over_half_or_failed_misses_the_target(measured):
    ceiling, rows = measured
    text, met = bakerydemo_verdict(rows, ceiling, [pair(10.0, 24.0, 26.0), pair(13.0, 25.0, 25.0)])
    assert not met
    assert "highest share 52%" in text
    failed = [pair(10.0, 24.0, 26.0), pair(5.0, 24.0, 26.0)]
    failed[1].after.result = None
    assert failed[1].share is None
    text, met = bakerydemo_verdict(rows, ceiling, failed)
    assert not met
    assert "highest share failed" in text
    table = bench.render_pairs(failed).splitlines()
    assert table[2] == "| tool (fr) | 10.00 | bread (fr) | 24.00 | 26.00 | 40% |"
    assert table[3].endswith("| failed |")


def test_a_failed_run_gets_its_row_and_fails_its_target(measured):
    ceiling, rows = measured
    rows[2].result = None
    rows[2].error = "HTTP 500"
    assert "failed: HTTP 500" in bench.render_table(rows, ceiling)
    judged = {text.split(":")[0]: met for text, met in bench.verdicts(rows, ceiling)}
    assert judged["cached pages at least 50% of the ceiling's req/s"] is False


def test_only_the_marked_part_of_the_document_is_replaced():
    document = (
        "# Benchmarks\n\n## Search\ntext\n\n## Pages under load (`make bench`)\nprose kept\n\n"
        f"{bench.START_MARKER}\nold table\n{bench.END_MARKER}\n\nafter the table\n"
    )
    updated = bench.write_section(document, "new table")
    assert "old table" not in updated
    assert f"{bench.START_MARKER}\nnew table\n{bench.END_MARKER}" in updated
    assert updated.startswith("# Benchmarks\n\n## Search\ntext\n\n## Pages under load (`make bench`)\nprose kept\n")
    assert updated.endswith("\n\nafter the table\n")


def test_the_section_is_added_when_the_document_has_none():
    updated = bench.write_section("# Benchmarks\n\n## Search\ntext\n", "the table")
    assert updated == (
        f"# Benchmarks\n\n## Search\ntext\n\n{bench.SECTION_TITLE}\n\n{bench.START_MARKER}\nthe table\n"
        f"{bench.END_MARKER}\n"
    )


def test_the_cpu_of_reaped_workers_still_counts():
    """A gunicorn worker replaced during a run (max_requests) has exited: its time is in its parent's counters."""
    before = bench.server_cpu_seconds(os.getpid())
    subprocess.run([sys.executable, "-c", "sum(range(30_000_000))"], check=True)
    assert bench.server_cpu_seconds(os.getpid()) > before


def test_the_backends_of_the_benchmark_database_only_are_sampled():
    pattern = bench.BackendSampler("portal_bench_pages").pattern
    assert pattern.match(b"postgres: 15/main: postgres portal_bench_pages 127.0.0.1(57904) idle\x00")
    assert pattern.match(b"postgres: postgres portal_bench_pages [local] SELECT\x00")  # without a cluster name
    assert not pattern.match(b"postgres: 15/main: postgres portal_bench_pages_old 127.0.0.1(57904) idle\x00")
    assert not pattern.match(b"postgres: 15/main: postgres portal_frame 127.0.0.1(57904) idle\x00")
    assert not pattern.match(b"postgres: 15/main: checkpointer \x00")
