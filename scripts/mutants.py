"""The mutation run (`make mutants`, not part of `make test` or CI): how many planted bugs the tests catch.

mutmut (pinned in requirements-dev.txt, configured under ``[tool.mutmut]`` in pyproject.toml) copies the project
into a folder git ignores, plants one change at a time (a mutant) in a module that holds the portal's rules, and
runs, for each mutant, the selected tests that call the changed function. A mutant the tests do not
notice "survives": either a test is missing, or the change makes no difference (an equivalent mutant, recorded in
docs/testing.md with its reason).

Why a script around mutmut:
- Each module runs on its own, in ``mutants/<module>/`` (the project's folders linked there, mutmut's copy in
  ``mutants/<module>/mutants/``), with its own test selection (``[tool.portal-mutants.selection]``): mutmut has one
  selection per project, and a function called everywhere (``search.text.normalize`` runs whenever a page is
  indexed) would otherwise run every slow approval test for each of its mutants.
- mutmut copies a file into ``mutants/`` only when it is missing there, so a test edited after the first run would
  run in its old version; this script brings every copied file up to date first (the mutated modules excepted:
  mutmut regenerates those itself when they change).
- The tests run against PostgreSQL in a database of their own (``MUTANTS_DATABASE_URL``). The suite bootstraps the
  portal at the start of each session, and two sessions bootstrapping one test database at once would collide; so
  with ``MUTANTS_JOBS`` = N mutants at once, each session takes one of N slots (``PORTAL_TEST_DB_SLOTS``, read by
  conftest.py: an exclusive lock on a slot file) and its own test database, ``test_<name>_slot<k>``, which
  pytest-django keeps between mutants (``--reuse-db``).
- It runs the modules one by one (``MUTANTS_MODULES`` or the arguments name a subset), under ``nice``, writes
  mutmut's own output to ``mutants/<module>/run.log`` and prints the score: killed / total, per module.

    MUTANTS_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/portal_mutants
    MUTANTS_MODULES       e.g. "search.text approvals.guard" (default: the four modules)
    MUTANTS_JOBS          mutants run at once, one test database each (default 1)
    --score               only print the score of the last run

Then, in ``mutants/<module>/``, ``../../.venv/bin/mutmut results`` lists the surviving mutants and
``../../.venv/bin/mutmut show <name>`` shows one.
"""

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
MUTMUT = ROOT / ".venv" / "bin" / "mutmut"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_mutants"
# mutmut's exit codes: a test failed (1) or pytest broke down (3: the mutant broke an import or a fixture). Timeouts
# (the tests overran their time) are shown apart; everything else is not a kill.
KILLED = {1, 3}
TIMEOUT = {24, -24, 36, 152, 255}


def config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]


def module_of(path):
    return path.removesuffix(".py").replace("/", ".")


def stage_of(path):
    return MUTANTS / module_of(path)


def stage(tool, path):
    """Prepare mutants/<module>/: links to the project's folders, and a pyproject.toml whose mutmut section mutates
    only ``path`` with the module's own test selection."""
    folder = stage_of(path)
    folder.mkdir(parents=True, exist_ok=True)
    for name in [*tool["mutmut"]["source_paths"], "tests"]:
        link = folder / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    settings = {
        **tool["mutmut"],
        "only_mutate": [path],
        "pytest_add_cli_args_test_selection": tool["portal-mutants"]["selection"][path],
    }
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    head = text[: text.index("[tool.mutmut]")]
    section = "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    (folder / "pyproject.toml").write_text(head + section, "utf-8")
    return folder


def refresh_copy(tool, path):
    """Copy into the module's mutants/ every project file that is missing there or differs, but the mutated one."""
    copy = stage_of(path) / "mutants"
    for source in [*tool["mutmut"]["source_paths"], "tests"]:
        source = ROOT / source
        files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
        for file in files:
            relative = file.relative_to(ROOT)
            if "__pycache__" in relative.parts or str(relative) == path:
                continue
            target = copy / relative
            if not target.exists() or not filecmp.cmp(file, target, shallow=False):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)


def run_module(path, jobs, env):
    """One mutmut run over the mutants of one module; its output goes to mutants/<module>/run.log."""
    folder = stage_of(path)
    log = folder / "run.log"
    print(f"  {module_of(path)}: running (output in {log.relative_to(ROOT)})", flush=True)
    with log.open("w") as out:
        command = ["nice", str(MUTMUT), "run", "--max-children", str(jobs)]
        return subprocess.run(
            command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT, check=False
        ).returncode


def score(path):
    """(killed, timeouts, survived, untested, not run, total) of one mutated module, from mutmut's record."""
    meta = stage_of(path) / "mutants" / f"{path}.meta"
    if not meta.exists():
        return None
    codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    counts = Counter()
    for code in codes.values():
        if code in KILLED:
            counts["killed"] += 1
        elif code in TIMEOUT:
            counts["timeout"] += 1
        elif code == 0:
            counts["survived"] += 1
        elif code in (5, 33):
            counts["no tests"] += 1
        elif code is None:
            counts["not run"] += 1
        else:
            counts["other"] += 1
    return counts, len(codes)


def print_scores(paths):
    print()
    print(f"  {'module':<24} {'killed / total':>15} {'score':>7}  timeouts  survived  no tests  not run")
    for path in paths:
        result = score(path)
        if result is None:
            print(f"  {module_of(path):<24} {'(not run yet)':>15}")
            continue
        counts, total = result
        killed = counts["killed"]
        share = f"{100 * killed / total:.1f}%" if total else "-"
        print(
            f"  {module_of(path):<24} {f'{killed} / {total}':>15} {share:>7}  {counts['timeout']:>8}  "
            f"{counts['survived']:>8}  {counts['no tests']:>8}  {counts['not run']:>7}"
        )
    print("\n  A timeout is not counted as killed (on a loaded machine it may be the load alone).")
    print("  In mutants/<module>/, `../../.venv/bin/mutmut results` lists the survivors.")


def main(argv):
    tool = config()
    paths = tool["mutmut"]["only_mutate"]
    if "--score" in argv:
        print_scores(paths)
        return 0
    wanted = [a for a in argv if not a.startswith("-")] or os.environ.get("MUTANTS_MODULES", "").split()
    by_module = {module_of(path): path for path in paths}
    chosen = [by_module[m] for m in wanted if m in by_module] if wanted else paths
    env = {**os.environ, "DATABASE_URL": os.environ.get("MUTANTS_DATABASE_URL", DEFAULT_DATABASE_URL)}
    env.pop("PYTEST_ADDOPTS", None)
    jobs = int(os.environ.get("MUTANTS_JOBS", "1"))
    env["PORTAL_TEST_DB_SLOTS"] = str(jobs)  # each concurrent session its own test database (conftest.py)
    failures = []
    for path in chosen:
        stage(tool, path)
        refresh_copy(tool, path)
        if run_module(path, jobs, env) != 0:
            failures.append(module_of(path))
    print_scores(paths)
    for module in failures:
        print(f"  {module}: mutmut stopped with an error; see mutants/{module}/run.log")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
