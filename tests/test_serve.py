"""``make-deck watch --serve``: the preview's paths, and the real flow in a browser:
the page follows each rebuild, shows the outline's problems, serves nothing outside
the output folder, and Ctrl-C stops it."""

from __future__ import annotations

import http.client
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from system_tools import interruptible
from test_watch import _reader, _wait_for

from generator.serve import PreviewState, bind, safe_name, serving
from generator.watch import RebuildSummary

OUTLINE = """\
title: Served workshop
start: "09:30"
sections:
  - title: Only part
    minutes: 10
    slides:
      - title: First slide
        bullets: [One short point]
      - activity:
          title: Talk it over
          minutes: 5
          prompts: [What slows us down?]
"""

TRAVERSALS = (
    "/../outline.yaml", "/%2e%2e/outline.yaml", "/%2E%2E%2Foutline.yaml",
    "/%252e%252e%252foutline.yaml", "/..%5coutline.yaml", "/..\\outline.yaml",
    "//etc/passwd", "/%2fetc%2fpasswd", "/output/../outline.yaml", "/.make-deck-manifest.json",
    "/%00outline.html", "/outline.yaml", "/C:%5cWindows",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_names_a_file_outside_the_folder(path):
    name = safe_name(path)
    assert name is None or ("/" not in name and "\\" not in name and ".." not in name
                            and not name.startswith("."))


def test_plain_names_are_served():
    assert safe_name("/outline.html") == "outline.html"
    assert safe_name("/outline-handout.pdf?x=1") == "outline-handout.pdf"
    assert safe_name("/Gweithdy%20newid.html") == "Gweithdy newid.html"


def _status(port: int, path: str, host: str | None = None) -> int:
    """Return the status of a GET of ``path`` sent exactly as written."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_server_answers_404_outside_its_folder(tmp_path):
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "pack.html").write_text("<!DOCTYPE html><html><body><p>in</p></body></html>")
    (folder / ".make-deck-manifest.json").write_text("{}")
    (tmp_path / "outline.yaml").write_text("secret: true")
    state = PreviewState(folder)
    state.record(RebuildSummary(True, 0.1, written=(folder / "pack.html",)), None)
    server = bind(state, 0)
    port = server.server_address[1]
    with serving(server) as address:
        assert address == f"http://127.0.0.1:{port}/"
        assert _status(port, "/pack.html") == 200
        assert _status(port, "/") == 200
        for path in TRAVERSALS:
            assert _status(port, path) == 404, path
        assert _status(port, "/pack.html", host=f"localhost:{port}") == 200
        assert _status(port, "/pack.html", host=f"attacker.example:{port}") == 403


def test_a_watch_without_the_pack_links_the_outputs_it_has(tmp_path):
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "outline.pptx").write_bytes(b"PK")
    state = PreviewState(folder)
    state.record(RebuildSummary(True, 0.1, written=(folder / "outline.pptx",)), None)
    server = bind(state, 0)
    port = server.server_address[1]
    with serving(server):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        page = connection.getresponse().read().decode("utf-8")
        connection.close()
    assert '<a href="/outline.pptx">outline.pptx</a>' in page
    assert "<h1>make-deck preview</h1>" in page


def _until(check, timeout: float) -> float:
    """Wait until ``check()`` is true; return the moment it became so."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return time.monotonic()
        time.sleep(0.05)
    raise AssertionError("the page did not change in time")


def test_the_served_page_follows_rebuilds_and_shows_problems(tmp_path, browser, axe_source):
    from browser import axe_violations, describe
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    outline = tmp_path / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "watch", "outline.yaml", "--serve", "--port", "8765"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path,
        preexec_fn=interruptible)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    try:
        seen = _wait_for(lines, "watching", 120)
        assert "previewing at http://127.0.0.1:8765/ (on this computer only)" in seen
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.get("http://127.0.0.1:8765/")
        def title() -> str:
            """Return the page's h1, or "" while the page is reloading."""
            try:
                return browser.find_element(By.TAG_NAME, "h1").text
            except WebDriverException:
                return ""

        assert title() == "Served workshop"
        assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#make-deck-preview a")
                ] == ["Participant pack", "Facilitator guide", "Slides"]
        violations = axe_violations(browser, axe_source)
        assert not violations, describe(violations)
        assert _status(8765, "/../outline.yaml") == 404
        assert _status(8765, "/%2e%2e%2foutline.yaml") == 404
        assert _status(8765, "/outline.yaml") == 404
        assert _status(8765, "/outline-handout.pdf") == 200
        time.sleep(0.3)
        outline.write_text(OUTLINE.replace("Served workshop", "Renamed workshop"), "utf-8")
        _wait_for(lines, "rebuilt", 120)
        rebuilt = time.monotonic()
        shown = _until(lambda: title() == "Renamed workshop", 10)
        assert shown - rebuilt <= 2.0, f"the page took {shown - rebuilt:.2f} s after the rebuild"
        outline.write_text(OUTLINE.replace("minutes: 10", "minutes: ten"), "utf-8")
        _wait_for(lines, "build failed", 120)
        def panel_shown() -> bool:
            try:
                return browser.find_element(By.ID, "make-deck-problems").is_displayed()
            except WebDriverException:
                return False

        _until(panel_shown, 5)
        panel = browser.find_element(By.ID, "make-deck-problems")
        assert "outline.yaml:5:14" in panel.text and "minutes" in panel.text
        assert title() == "Renamed workshop"  # the last good build stays in view
        violations = axe_violations(browser, axe_source)
        assert not violations, describe(violations)
        browser.get("http://127.0.0.1:8765/slides")
        assert browser.find_elements(By.CSS_SELECTOR, "svg[role=img]")
        assert "problems" in browser.find_element(By.ID, "make-deck-problems").text
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert any("stopped watching" in line for line in _drain(lines))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def _drain(lines: queue.Queue[str]) -> list[str]:
    time.sleep(0.2)
    out = []
    while not lines.empty():
        out.append(lines.get())
    return out


def test_a_first_build_that_fails_shows_its_problems_with_line_and_column(tmp_path):
    from generator.diagnostics import Diagnostic, Position
    from generator.problems import Problem

    problem = Diagnostic(Problem.E_VALUE, "`minutes` must be a whole number",
                         position=Position("outline.yaml", 5, 14), hint="write 10, not ten")
    state = PreviewState(tmp_path)
    state.record(RebuildSummary(False, 0.1, diagnostics=(problem,), error="1 error(s)"),
                 "title: T\nsections:\n  - title: S\n    slides: []\n    minutes: ten\n")
    server = bind(state, 0)
    with serving(server):
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                timeout=10)
        connection.request("GET", "/")
        page = connection.getresponse().read().decode("utf-8")
        connection.close()
    assert page.count('id="make-deck-problems"') == 1
    panel = page[page.index('id="make-deck-problems"'):page.index("</section>")]
    assert "outline.yaml:5:14" in panel and "hidden" not in panel.split(">")[0]
    assert "minutes: ten" in panel and "write 10, not ten" in panel
