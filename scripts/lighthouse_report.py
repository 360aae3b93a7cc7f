"""Turn the Lighthouse JSON reports of `make lighthouse` into the table of docs/benchmarks.md.

    python scripts/lighthouse_report.py REPORTS_DIR [docs/benchmarks.md | -]

Each report is named `<type>.<language>.json` (scripts/lighthouse.sh). The table replaces what lies between the two
`lighthouse` markers of the file (`-`: no file), so the section's prose and earlier figures stay. Prints the
table too, and exits 1 when a page misses the targets (performance 95, CLS 0.05, 150 kB), so a run says so.
"""

import json
import re
import sys
from datetime import date
from pathlib import Path

START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
TARGETS = {"performance": 95, "cls": 0.05, "bytes": 150 * 1024}


def figures(report):
    categories, audits = report["categories"], report["audits"]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "bytes": audits["total-byte-weight"]["numericValue"],
        "best_practices": round(categories["best-practices"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "seo": round(categories["seo"]["score"] * 100) if "seo" in categories else None,
    }


def misses(row):
    return [
        name
        for name, failed in (
            ("performance", row["performance"] < TARGETS["performance"]),
            ("CLS", row["cls"] >= TARGETS["cls"]),
            ("weight", row["bytes"] > TARGETS["bytes"]),
            ("accessibility", row["accessibility"] < 100),
            ("best practices", row["best_practices"] < 100),
            # Search result pages are noindex on purpose (a results page is not content): Lighthouse's SEO score
            # counts that against them; the search page without a query is indexable and measured as search_form.
            ("SEO", row["seo"] is not None and row["seo"] < 100 and row["kind"] != "search"),
        )
        if failed
    ]


def table(reports_dir):
    lines = [
        f"Measured {date.today().isoformat()} by `make lighthouse` "
        "(Lighthouse {version}, mobile, simulated throttling).",
        "",
        "| page | language | performance | CLS | LCP | total bytes | best practices | accessibility | SEO |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    version, failures = "?", []
    for path in sorted(reports_dir.glob("*.json"), key=_order):
        report = json.loads(path.read_text())
        version = report.get("lighthouseVersion", version)
        kind, language = path.stem.split(".")
        row = {**figures(report), "kind": kind}
        missed = misses(row)
        if missed:
            failures.append(f"{kind} {language}: {', '.join(missed)}")
        lines.append(
            f"| {kind.replace('_', ' ')} | {language} | {row['performance']} | {row['cls']:.3f} | {row['lcp']:.1f} s "
            f"| {row['bytes'] / 1024:.1f} kB | {row['best_practices']} | {row['accessibility']} | {row['seo']} |"
        )
    lines[0] = lines[0].replace("{version}", version)
    return "\n".join(lines), failures


def _order(path):
    kinds = ["home", "tool_index", "tool", "guide", "experience", "recommendation", "benchmark", "region_index"]
    kinds += ["region", "overview", "search_form", "search"]
    kind, language = path.stem.split(".")
    return (kinds.index(kind) if kind in kinds else len(kinds), ["fr", "ar", "en"].index(language))


def main(reports_dir, doc):
    text, failures = table(Path(reports_dir))
    print(text)
    if doc != "-":
        doc = Path(doc)
        content = doc.read_text()
        if START not in content:
            sys.exit(f"{doc} has no {START} marker: add the Lighthouse section first.")
        content = re.sub(f"{re.escape(START)}.*?{re.escape(END)}", f"{START}\n{text}\n{END}", content, flags=re.S)
        doc.write_text(content)
    for failure in failures:
        print(f"Missed target: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "docs/benchmarks.md"))
