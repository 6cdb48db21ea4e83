"""Benchmark make-deck against pandoc and a naive python-pptx + reportlab script.

    python bench/run.py                 # default outline, 300 and 3,000 slides
    python bench/run.py --quick         # 3 runs, no 3,000-slide outline

Every tool runs in a fresh child process per run (cold: imports, fonts and
template loaded each time), the runs of all tools interleaved so that the load of
a busy machine falls on each alike. make-deck is also timed warm, rebuilding in a
process that stays up as `make-deck watch` does, after a real edit each time (the
workshop title toggles, which changes every output); it writes the deck first, so
both the time until the deck is written and the time until all outputs are written
are reported.
Times are medians of wall-clock
seconds (CPU seconds beside them, steadier on a loaded machine); peak memory is
each child's maximum resident set size, from ``os.wait4``. This process imports
nothing of make-deck, so that it stays small and does not inflate the children's
peaks. The targets are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from gen_outline import outline_to_markdown  # noqa: E402


@dataclass
class Measure:
    """The timings of one tool on one outline: wall and CPU seconds per run, peak memory."""

    label: str
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kb: int = 0
    failed: str | None = None
    slides: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def ok(self) -> bool:
        return self.failed is None and bool(self.times)


@dataclass
class Tool:
    """One thing to time: a command run in a fresh child, or a step run in this process."""

    key: str
    label: str
    command: list[str] | None = None
    step: Callable[[], tuple[float, float]] | None = None


def run_child(command: list[str], cwd: Path, timeout: float
              ) -> tuple[float, float, int, str | None]:
    """Run ``command`` once; return (wall s, CPU s, peak RSS in KB, failure or None).

    CPU time and peak memory are that child's own, from ``os.wait4``."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return timeout, 0.0, 0, f"timed out after {timeout:.0f} s"
            time.sleep(0.002)
        elapsed = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            return elapsed, cpu, usage.ru_maxrss, f"exit {process.returncode}: {' '.join(tail)}"
    return elapsed, cpu, usage.ru_maxrss, None


def run_tools(tools: list[Tool], runs: int, timeout: float = 900.0) -> dict[str, Measure]:
    """Time every tool ``runs`` times, interleaved (A B C A B C ...) so that a change in
    the machine's load during the run falls on all of them alike."""
    results = {tool.key: Measure(tool.label) for tool in tools}
    for _ in range(runs):
        for tool in tools:
            result = results[tool.key]
            if result.failed:
                continue
            if tool.command is not None:
                elapsed, cpu, peak, failed = run_child(tool.command, REPO, timeout)
            else:
                assert tool.step is not None
                elapsed, cpu, peak, failed = 0.0, 0.0, 0, None
                try:
                    elapsed, cpu = tool.step()
                except Exception as exc:
                    failed = f"{type(exc).__name__}: {exc}"
            if failed:
                result.failed = failed
                continue
            result.times.append(elapsed)
            result.cpu.append(cpu)
            result.peak_kb = max(result.peak_kb, peak)
    return results


class WarmChild:
    """A make-deck process kept warm, as `make-deck watch` is: it builds the outline once,
    then edits and rebuilds it on each request and reports the times taken (measured
    inside it): until the deck is written, and until all outputs are.

    It runs apart from this process so that this one stays small: a child's peak memory
    as the kernel reports it starts from the size of the process that started it."""

    def __init__(self, outline: Path, out: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--warm-child", str(outline),
             str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
        first = self._reply()
        self.slides = int(first.get("slides", 0))
        self.deck_ready: tuple[float, float] = (float("nan"), float("nan"))

    def _reply(self) -> dict[str, object]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the warm make-deck process stopped")
        reply = json.loads(line)
        if not reply.get("ok"):
            raise RuntimeError(str(reply.get("error")))
        return reply

    def step(self) -> tuple[float, float]:
        assert self.process.stdin is not None
        self.process.stdin.write("rebuild\n")
        self.process.stdin.flush()
        reply = self._reply()
        self.deck_ready = (float(reply["deck"]), float("nan"))  # type: ignore[arg-type]
        return float(reply["wall"]), float(reply["cpu"])  # type: ignore[arg-type]

    def deck_step(self) -> tuple[float, float]:
        """Return the deck-ready time of the rebuild `step` just timed (no CPU figure)."""
        return self.deck_ready

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def edited(source: str) -> str:
    """Return the outline text with its workshop title changed (the first top-level
    ``title:`` line), an edit that changes the deck, the handout and the guide."""
    lines = source.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("title:"):
            lines[number] = line.rstrip("\r\n") + " (edited)\n"
            return "".join(lines)
    raise ValueError("the outline has no top-level title: line to edit")


def warm_child(outline: Path, out: Path) -> int:
    """The warm process's side: build once, then edit and rebuild once per line read.

    The edits go to a copy beside the outline (so that its pictures resolve alike),
    removed at the end."""
    sys.path.insert(0, str(REPO))  # this checkout's make-deck, whatever is installed
    from generator.watch import Rebuilder

    source = outline.read_text(encoding="utf-8")
    variants = (source, edited(source))
    copy = outline.with_name(f".bench-warm-{outline.name}")
    copy.write_text(source, encoding="utf-8")
    try:
        return _warm_loop(Rebuilder(copy, output_dir=out), copy, variants)
    finally:
        copy.unlink(missing_ok=True)


def _warm_loop(rebuilder: object, copy: Path, variants: tuple[str, str]) -> int:
    first = rebuilder.step()  # type: ignore[attr-defined]
    print(json.dumps({"ok": first.ok, "slides": first.slides, "error": first.error}),
          flush=True)
    def cpu() -> float:  # this process and the renderers it forked and waited for
        own, forked = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
            resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + forked.ru_utime + forked.ru_stime

    for count, _ in enumerate(sys.stdin, start=1):
        copy.write_text(variants[count % 2], encoding="utf-8")
        start, start_cpu = time.perf_counter(), cpu()
        summary = rebuilder.step([copy])  # type: ignore[attr-defined]
        wall = time.perf_counter() - start
        deck = summary.deck_seconds if summary.deck_seconds is not None else wall
        print(json.dumps({"ok": summary.ok, "error": summary.error, "wall": wall,
                          "deck": deck, "cpu": cpu() - start_cpu}), flush=True)
    return 0


def make_deck_command() -> list[str]:
    return [sys.executable, "-m", "generator"]


@dataclass
class Case:
    name: str
    outline: Path
    markdown: Path
    runs: int


def bench_case(case: Case, work: Path, tools_on: dict[str, bool],
               naive: bool = True) -> dict[str, Measure]:
    out = work / f"out-{case.name}"
    md = make_deck_command()
    tools = [
        Tool("all", "make-deck, all outputs (cold)",
             [*md, str(case.outline), "--out-dir", str(out / "all")]),
        Tool("deck", "make-deck, deck only (cold)",
             [*md, str(case.outline), "--only", "deck", "--out-dir", str(out / "deck")]),
    ]
    if tools_on["pandoc"]:
        tools.append(Tool(
            "pandoc", "pandoc markdown -> pptx (cold)",
            ["pandoc", "-f", "markdown", "-t", "pptx", f"--resource-path={case.outline.parent}",
             "-o", str(out / "pandoc.pptx"), str(case.markdown)]))
    if tools_on["naive"] and naive:
        tools.append(Tool("naive", "naive python-pptx + reportlab (cold)",
                          [sys.executable, str(HERE / "naive_baseline.py"), str(case.outline),
                           str(out / "naive")]))
    slides, warm = 0, None
    try:
        warm = WarmChild(case.outline, out / "warm")
        slides = warm.slides
        tools.append(Tool("warm", "make-deck warm rebuild, all (watch)", step=warm.step))
        tools.append(Tool("warm_deck", "  of which until the deck is written",
                          step=warm.deck_step))
    except Exception as exc:
        print(f"  (no warm rebuild: {exc})")
    try:
        results = run_tools(tools, case.runs)
    finally:
        if warm is not None:
            warm.close()
    if not slides:  # no warm process: take the count make-deck printed
        slides = _printed_slides([*md, str(case.outline), "--only", "deck", "--out-dir",
                                  str(out / "deck")])
    for result in results.values():
        result.slides = slides
    return results


def _printed_slides(command: list[str]) -> int:
    found = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    words = found.stdout.strip().splitlines()[-1:] or [""]
    count = words[0].split(" ")[0]
    return int(count) if count.isdigit() else 0


def print_rows(results: dict[str, Measure]) -> None:
    print(f"  {'':40} {'median s':>9} {'cpu s':>7} {'peak MB':>8}")
    for key, item in results.items():
        if not item.ok:
            print(f"  {item.label:40} {'failed':>9}  {item.failed}")
            continue
        peak = "" if key.startswith("warm") else f"{item.peak_kb / 1024:8.0f}"
        cpu = "" if item.cpu_median != item.cpu_median else f"{item.cpu_median:7.3f}"
        print(f"  {item.label:40} {item.median:9.3f} {cpu:>7} {peak:>8}")


def print_case(case: Case, results: dict[str, Measure]) -> None:
    slides = next(iter(results.values())).slides if results else 0
    print(f"\n{case.name}: {case.outline.name}, {slides or '?'} deck slides (make-deck), "
          f"{case.runs} run(s) each, interleaved")
    print_rows(results)


def ratio(a: Measure | None, b: Measure | None, kind: str = "wall") -> float | None:
    if a is None or b is None or not a.ok or not b.ok:
        return None
    top, bottom = {"wall": (a.median, b.median), "cpu": (a.cpu_median, b.cpu_median),
                   "memory": (a.peak_kb, b.peak_kb)}[kind]
    return top / bottom if bottom else None


def print_targets(cases: dict[str, dict[str, Measure]], cli: dict[str, Measure]) -> None:
    default, medium, large = cases.get("default", {}), cases.get("300", {}), cases.get("3000", {})

    def both(a: Measure | None, b: Measure | None) -> tuple[float | None, float | None]:
        return ratio(a, b), ratio(a, b, "cpu")

    rows: list[tuple[str, tuple[float | None, float | None], float, str]] = [
        ("default, all outputs cold / naive baseline",
         both(default.get("all"), default.get("naive")), 0.75, "x"),
        ("default, all outputs cold / pandoc pptx",
         both(default.get("all"), default.get("pandoc")), 2.5, "x"),
        ("300, all outputs cold / pandoc pptx", both(medium.get("all"), medium.get("pandoc")),
         0.5, "x"),
        ("300, peak memory / pandoc's",
         (ratio(medium.get("all"), medium.get("pandoc"), "memory"), None), 0.6, "x"),
        ("time(3,000) / time(300), all outputs cold",
         both(large.get("all"), medium.get("all")), 11.0, "x"),
        ("  the same, deck only (for reference)",
         both(large.get("deck"), medium.get("deck")), 11.0, "x"),
        ("default, warm rebuild, all / pandoc pptx cold",
         both(default.get("warm"), default.get("pandoc")), 0.5, "x"),
        ("  deck written (the pptx pandoc makes) / pandoc",
         (ratio(default.get("warm_deck"), default.get("pandoc")), None), 0.5, "x"),
        ("make-deck --help",
         (cli["help"].median if cli["help"].ok else None, cli["help"].cpu_median), 0.15, " s"),
        ("make-deck check outline.yaml",
         (cli["check"].median if cli["check"].ok else None, cli["check"].cpu_median), 0.5,
         " s"),
    ]
    print("\ntargets (reported, not asserted; the verdict is on wall time, cpu for reference)")
    print(f"  {'':46} {'wall':>9} {'cpu':>9}")
    for label, (value, cpu), limit, unit in rows:
        cpu_text = f"{cpu:7.3f}{unit:2}" if cpu is not None and cpu == cpu else " " * 9
        if value is None:
            print(f"  {label:46} {'n/a':>9} {cpu_text}  target <= {limit:g}{unit}")
            continue
        verdict = "met" if value <= limit else "NOT met"
        print(f"  {label:46} {value:7.3f}{unit:2} {cpu_text}  target <= {limit:g}{unit}  "
              f"{verdict}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--warm-child"]:
        return warm_child(Path(argv[1]), Path(argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per tool (default 5)")
    parser.add_argument("--large-runs", type=int, default=2,
                        help="runs per tool on the 3,000-slide outline (default 2)")
    parser.add_argument("--sizes", default="300,3000",
                        help="generated outline sizes, comma-separated (default 300,3000)")
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 300 only")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    parser.add_argument("--naive-large", action="store_true",
                        help="run the naive baseline on the 3,000-slide outline too (its "
                        "python-pptx notes pages make it quadratic: many minutes)")
    parser.add_argument("--keep", type=Path, help="keep outlines and outputs in this folder")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    if args.quick:
        args.runs, args.sizes = 3, "300"
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    tools = {"pandoc": shutil.which("pandoc") is not None, "naive": not args.no_naive}
    work = args.keep or Path(tempfile.mkdtemp(prefix="make-deck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")

    import yaml

    default_md = work / "outline-default.md"
    with (REPO / "outline.yaml").open(encoding="utf-8") as handle:
        default_md.write_text(outline_to_markdown(yaml.safe_load(handle)), encoding="utf-8")
    cases = [Case("default", REPO / "outline.yaml", default_md, args.runs)]
    for size in sizes:  # written by a child, so that this process stays small
        subprocess.run([sys.executable, str(HERE / "gen_outline.py"), str(size), str(work)],
                       check=True, stdout=subprocess.DEVNULL)
        yaml_path, md_path = work / f"outline-{size}.yaml", work / f"outline-{size}.md"
        cases.append(Case(str(size), yaml_path, md_path,
                          args.large_runs if size >= 1000 else args.runs))

    print(f"make-deck benchmark: python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}; work folder {work}")
    if not tools["pandoc"]:
        print("pandoc is not installed: its columns are skipped (apt-get install -y pandoc)")
    else:
        version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True)
        print(f"pandoc: {version.stdout.splitlines()[0]}")
    cli = run_tools([
        Tool("python", "python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]),
        Tool("help", "make-deck --help", [*make_deck_command(), "--help"]),
        Tool("check", "make-deck check outline.yaml",
             [*make_deck_command(), "check", str(REPO / "outline.yaml")]),
    ], max(args.runs, 5))
    print()
    print_rows(cli)
    results: dict[str, dict[str, Measure]] = {}
    for case in cases:
        large = case.name.isdigit() and int(case.name) >= 1000
        results[case.name] = bench_case(case, work, tools, naive=args.naive_large or not large)
        print_case(case, results[case.name])
    print_targets(results, cli)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
