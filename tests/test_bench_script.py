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


CACHED_TARGET = "cached pages at least 50% of the ceiling's req/s, measured in alternation"
DETAIL_TARGET = "uncached detail pages within 13 ms of server CPU per request"
BAKERYDEMO_TARGET = "a detail page at most half of bakerydemo's server CPU per request, measured in alternation"


def ceiling_run(rps):
    return row("ceiling", "bare", "–", rps, 0.5)


def cached_pairs(rows, *ceiling_rps):
    """The cached rows of ``rows`` measured in alternation with ceiling runs of ``ceiling_rps`` req/s."""
    runs = iter(ceiling_rps)
    return bench.alternate(
        [r for r in rows if r.cache == "cached"], lambda r: r, lambda: ceiling_run(next(runs)), "rps"
    )


def bakerydemo_pair(page_ms, before_ms, after_ms):
    return bench.Pair(
        row("portal", "tool", "uncached", 100, page_ms, detail=True),
        row("bakerydemo", "bread", "–", 40, before_ms, detail=True),
        row("bakerydemo", "bread", "–", 40, after_ms, detail=True),
    )


def verdict(target, rows, cached=(), bakerydemo=()):
    (found,) = [(text, met) for text, met in bench.verdicts(rows, cached, bakerydemo) if text.startswith(target)]
    return found


def test_the_targets_are_judged_on_the_rows_they_concern(measured):
    _ceiling, rows = measured
    # The search page is never stored ("pass"): its 150 req/s does not count among the cached pages.
    text, met = verdict(CACHED_TARGET, rows, cached_pairs(rows, 2000, 2400, 2000))
    assert met and "lowest 55% (tool (fr))" in text  # 1,200 against the 2,000 and 2,400 around it
    assert verdict(DETAIL_TARGET, rows) == (f"{DETAIL_TARGET}: highest 14.50 ms (guide (fr))", False)
    # Without pages measured in alternation, there is no verdict on the shares (not a "met").
    assert [text for text, _met in bench.verdicts(rows)] == [verdict(DETAIL_TARGET, rows)[0]]


def test_each_cached_page_is_judged_against_the_ceiling_around_it(measured):
    """The machine slowed after the first runs: a page is judged against the ceiling of its own minutes."""
    _ceiling, rows = measured
    pairs = cached_pairs(rows, 3000, 2200, 2200)
    assert [pair.before.result.rps for pair in pairs] == [3000, 2200]
    assert round(pairs[0].share, 3) == round(1200 / 2600, 3)
    assert not verdict(CACHED_TARGET, rows, pairs)[1]  # 46 %: the machine, or the page; the target is not met
    assert verdict(CACHED_TARGET, rows, cached_pairs(rows, 2300, 2200, 2200))[1]  # 53 %
    # The ceiling's runs, each once, give the first table its mean.
    assert [run.result.rps for run in bench.reference_runs(pairs)] == [3000, 2200, 2200]


def test_each_detail_page_is_compared_with_bakerydemo_around_it(measured):
    """The machine slowed between the two pairs: each page's share uses the reference measured in its minutes."""
    _ceiling, rows = measured
    pairs = [bakerydemo_pair(10.0, 24.0, 26.0), bakerydemo_pair(13.0, 26.0, 30.0)]
    assert [round(p.share, 3) for p in pairs] == [0.4, 0.464]
    text, met = verdict(BAKERYDEMO_TARGET, rows, bakerydemo=pairs)
    assert met
    assert "highest share 46% (tool (fr): 13.00 ms against bread (fr)'s 26.00 and 30.00 ms around it)" in text


def test_a_pair_over_half_or_failed_misses_the_target(measured):
    _ceiling, rows = measured
    over = [bakerydemo_pair(10.0, 24.0, 26.0), bakerydemo_pair(13.0, 25.0, 25.0)]
    text, met = verdict(BAKERYDEMO_TARGET, rows, bakerydemo=over)
    assert not met and "highest share 52%" in text
    failed = [bakerydemo_pair(10.0, 24.0, 26.0), bakerydemo_pair(5.0, 24.0, 26.0)]
    failed[1].after.result = None
    assert failed[1].share is None
    text, met = verdict(BAKERYDEMO_TARGET, rows, bakerydemo=failed)
    assert not met and "highest share failed" in text
    table = bench.render_pairs(failed).splitlines()
    assert table[2] == "| tool (fr) | uncached | 10.00 | bakerydemo bread (fr) | 24.00 | 26.00 | 40% |"
    assert table[3].endswith("| failed | failed |")


def test_a_failed_run_gets_its_row_and_fails_its_target(measured):
    ceiling, rows = measured
    pairs = cached_pairs(rows, 2000, 2000, 2000)
    rows[2].result = None
    rows[2].error = "HTTP 500"
    assert "failed: HTTP 500" in bench.render_table(rows, ceiling)
    text, met = verdict(CACHED_TARGET, rows, pairs)
    assert not met and "lowest failed (tool (fr))" in text


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


def test_the_report_gives_both_tables_in_alternation_and_the_targets(measured):
    _ceiling, rows = measured
    facts = {"date": "2026-12-07 01:00 UTC", "machine": "a CPU", "cores": 2, "load_before": "1", "load_after": "2"}
    report = bench.render_report(
        rows, facts, bench.Config(), "", cached_pairs(rows, 2000, 2400, 2000), [bakerydemo_pair(10.0, 24.0, 26.0)]
    )
    assert "Ceiling: a bare Django view, 2,133 req/s on average over 3 runs (2,000 to 2,400)" in report
    assert "| tool (fr) | cached (hit) | 1,200 | ceiling bare (fr) | 2,000 | 2,400 | 55% |" in report
    assert "| search (fr) | cached (pass) | 150 | ceiling bare (fr) | 2,400 | 2,000 | 7% |" in report
    assert "| tool (fr) | uncached | 10.00 | bakerydemo bread (fr) | 24.00 | 26.00 | 40% |" in report
    assert report.count("- **met**") == 2 and report.count("- **not met**") == 1  # the guide's 14.5 ms
