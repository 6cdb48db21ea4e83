"""A real browser for the tests: Debian's chromium driven through its chromedriver,
with axe-core and the Nu HTML Checker from the folder `.ci/run` installs them in.

Nothing here downloads a browser or a driver: the paths are given, and
selenium's own manager is told to stay offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = REPO_ROOT / ".ci" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_paths() -> tuple[str, str] | None:
    """Return (chromium, chromedriver) from the system, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start_browser():  # -> selenium.webdriver.Chrome
    """Return a headless chromium session (1280 x 900), never downloading anything."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    assert paths is not None
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--no-first-run", "--disable-extensions", "--lang=en-GB"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))
    driver.set_script_timeout(60)
    return driver


def axe_violations(driver, source: str) -> list[dict]:
    """Return axe-core's violations at WCAG 2.2 AA on the page ``driver`` shows."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify("
        "[{id: 'axe-error', help: String(e), nodes: []}])));", WCAG_AA)
    return json.loads(result)


def describe(violations: list[dict]) -> str:
    """Return axe's violations as lines a failing test can show."""
    return "\n".join(f"{v['id']}: {v['help']} -> "
                     + "; ".join(n.get("html", "")[:120] for n in v.get("nodes", [])[:3])
                     for v in violations)


def nu_errors(paths: list[Path]) -> list[str]:
    """Return the Nu HTML Checker's errors for ``paths`` (one Java run for all)."""
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu",
                          *map(str, paths)], capture_output=True, text=True, timeout=300)
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
