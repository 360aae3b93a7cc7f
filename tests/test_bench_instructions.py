"""`make bench-instructions` (scripts/bench_instructions.py) reads callgrind's dumps in order, renders its table with
each page's share of bakerydemo's bread and its verdict, and rewrites only its own part of docs/benchmarks.md. No
valgrind here: dumps and figures made up for the test."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))
spec = importlib.util.spec_from_file_location("bench_instructions", SCRIPTS / "bench_instructions.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

FACTS = {"date": "2026-12-06 22:00 UTC", "valgrind": "valgrind-3.19.0"}


def dump(total):
    return f"# callgrind format\nversion: 1\nevents: Ir\nsummary: {total}\n\nfl=x\nfn=y\n1 {total}\n\ntotals: {total}\n"


def test_totals_are_read_in_the_order_of_the_dumps(tmp_path):
    for number, total in ((1, 600), (2, 2000), (3, 40)):
        (tmp_path / f"cg.{number}").write_text(dump(total))
    assert bench.totals(tmp_path, 3) == [600, 2000, 40]
    (tmp_path / "cg.4").write_text("# callgrind format\nevents: Ir\n")
    with pytest.raises(RuntimeError, match="no totals in callgrind's dump 4"):
        bench.totals(tmp_path, 4)


def row(site, page, language, millions, detail=True):
    return {"site": site, "page": page, "language": language, "instructions": millions * 1e6, "detail": detail}


def test_the_report_gives_each_share_of_the_bread_and_the_verdict():
    rows = [
        row("portal", "home", "fr", 60.0, detail=False),
        row("portal", "tool", "fr", 24.0),
        row("portal", "region", "ar", 30.0),
        row("bakerydemo", "bread", "en", 75.0),
    ]
    report = bench.render_report(rows, FACTS, 20, "")
    assert "| portal | tool (fr) | 24.00 | 32% |" in report
    assert "| portal | home (fr) | 60.00 | 80% |" in report
    assert "**met** (in instructions)" in report and "region (ar), is 40% of the bread" in report

    rows[2] = row("portal", "region", "ar", 40.0)
    assert "**not met** (in instructions)" in bench.render_report(rows, FACTS, 20, "")


def test_without_bakerydemo_there_is_no_share_and_no_verdict():
    report = bench.render_report([row("portal", "tool", "fr", 24.0)], FACTS, 20, "comparison skipped")
    assert "| portal | tool (fr) | 24.00 | – |" in report
    assert "met" not in report and "- bakerydemo: comparison skipped" in report


def test_only_its_own_section_is_rewritten():
    document = "# Benchmarks\n\nintro\n\n<!-- bench-pages:start -->\npages\n<!-- bench-pages:end -->\n"
    first = bench.write_section(document, "one")
    assert first.startswith(document.rstrip("\n")) and bench.SECTION_TITLE in first
    second = bench.write_section(first, "two")
    assert "two" in second and "one" not in second and "<!-- bench-pages:start -->\npages" in second
    assert second.count(bench.START_MARKER) == 1
