"""The HTML pack in a real browser (Debian's headless chromium): axe-core finds no
WCAG 2.2 AA violations and the Nu HTML Checker no errors, on the default, the crowded,
a Welsh and a bilingual (together) outline's pages; answers survive a reload; the pages
fit 320 px; the print stylesheet prints the answers and not the buttons.

Screenshots (320 and 1280 px wide) and printed PDFs are left in the session's
temporary folder, under ``html-looks``, to look at."""

from __future__ import annotations

import base64
import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build
from generator.options import BuildOptions
from generator.writers.html import pack
from generator.writers.html.spaces import Prompt, Space

from . import REPO_ROOT
from .test_html_pack import WELSH

HTML = BuildOptions(outputs=("html", "guide-html"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the default, crowded, Welsh and bilingual outlines' pages once; return
    name -> file (the bilingual example's as ``bilingual.html``, ``bilingual-guide.html``)."""
    root = tmp_path_factory.mktemp("html-pages")
    welsh = root / "welsh.yaml"
    welsh.write_text(WELSH, encoding="utf-8")
    pages: dict[str, Path] = {}
    for outline in (REPO_ROOT / "outline.yaml", REPO_ROOT / "tests/fixtures/crowded.yaml",
                    welsh):
        result = build(outline, BuildOptions(outputs=HTML.outputs, output_dir=root / "out"))
        for path in result.written:
            pages[path.name] = path
    result = build(REPO_ROOT / "docs/bilingual-example.yaml",
                   BuildOptions(outputs=HTML.outputs, output_dir=root / "bilingual"))
    for path in result.written:
        pages[path.name.replace("bilingual-example", "bilingual")] = path
    default = (REPO_ROOT / "outline.yaml").read_text("utf-8")
    for theme in ("civic", "high-contrast"):  # the look's other palettes
        themed = root / f"{theme}.yaml"
        themed.write_text(default.replace("theme: default", f"theme: {theme}")
                          .replace("name: change-at-pace", f"name: {theme}"), "utf-8")
        shutil.copytree(REPO_ROOT / "images", root / "images", dirs_exist_ok=True)
        result = build(themed, BuildOptions(outputs=("html",), output_dir=root / "out"))
        pages[result.written[0].name] = result.written[0]
    return pages


@pytest.fixture(scope="module")
def spaces_page(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module) -> Path:
    """Return a pack whose worksheets ask for every kind of space."""
    kinds = [
        Space("lines", lines=3),
        Space("scale", ("Cautious", "Experimental"), points=5),
        Space("grid", ("Impact on users", "Time to patch")),
        Space("timeline", ("Request", "Live")),
        Space("table", ("Contract", "Partnership?", "Why"), rows=2),
    ]
    monkeypatch_module.setattr(pack, "worksheet_prompts", lambda activity: [
        Prompt(f"Question {n} ({space.kind})", space) for n, space in enumerate(kinds, 1)])
    out = tmp_path_factory.mktemp("spaces")
    result = build(REPO_ROOT / "outline.yaml",
                   BuildOptions(outputs=("html",), output_dir=out))
    return result.written[0]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def looks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("html-looks")


def _open(browser, path: Path, width: int = 1280) -> None:
    """Show ``path`` in a viewport ``width`` px wide (the window's own 1280 by default)."""
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if width != 1280:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.get(path.as_uri())


def test_axe_finds_no_wcag_22_aa_violations(browser, axe_source, built, spaces_page):
    from browser import axe_violations, describe

    found = {}
    narrow = {"change-at-pace.html", "crowded.html", "welsh.html", "bilingual.html"}
    for path in [*built.values(), spaces_page]:
        for width in (1280, 320) if path.name in narrow else (1280,):
            _open(browser, path, width)
            requests = browser.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            assert requests == [], f"{path.name} asked for {requests}"
            violations = axe_violations(browser, axe_source)
            if violations:
                found[f"{path.name} at {width}px"] = describe(violations)
    assert not found, "\n".join(f"{k}:\n{v}" for k, v in found.items())


def test_the_nu_html_checker_finds_no_errors(built, spaces_page):
    from browser import VNU, nu_errors

    if not VNU.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the Nu HTML Checker is needed in CI at {VNU}")
        pytest.skip("vnu-jar is not installed (npm install --prefix .ci/node vnu-jar)")
    assert nu_errors([*built.values(), spaces_page]) == []


def test_pages_fit_320_px_and_screenshots_are_kept(browser, built, looks):
    for name in ("change-at-pace.html", "crowded.html", "welsh.html", "change-at-pace-guide.html",
                 "bilingual.html", "bilingual-guide.html", "welsh-guide.html"):
        for width in (320, 1280):
            _open(browser, built[name], width)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} is {overflow}px too wide at {width}px"
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(height, 8000), "deviceScaleFactor": 1,
                "mobile": False})
            shot = looks / f"{Path(name).stem}-{width}.png"
            shot.write_bytes(base64.b64decode(browser.get_screenshot_as_base64()))
            assert shot.stat().st_size > 10_000


def test_the_skip_link_and_focus_are_visible(browser, built):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, built["change-at-pace.html"], 320)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.is_displayed() and focused.location["x"] >= 0
    style = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.backgroundColor, s.color]", focused)
    assert style == ["rgb(255, 221, 0)", "rgb(11, 12, 12)"]
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    link = browser.find_element(By.CSS_SELECTOR, ".contents a")
    browser.execute_script("arguments[0].focus()", link)
    assert browser.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor", link) == "rgb(255, 221, 0)"


def test_a_typed_answer_survives_a_reload(browser, spaces_page):
    from selenium.webdriver.common.by import By

    _open(browser, spaces_page)
    smooth = browser.execute_script(
        "return getComputedStyle(document.documentElement).scrollBehavior")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    assert (smooth, browser.execute_script(
        "return getComputedStyle(document.documentElement).scrollBehavior")) == (
        "smooth", "auto")  # no smooth scrolling for those who ask for less motion
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    area = browser.find_element(By.CSS_SELECTOR, "textarea[data-answer]")
    area.send_keys("Approvals wait a week")
    radio = browser.find_element(By.CSS_SELECTOR, "input[type=radio][value='4']")
    label = browser.find_element(By.CSS_SELECTOR, f"label[for='{radio.get_attribute('id')}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()
    cell = browser.find_element(By.CSS_SELECTOR, ".answer-table input")
    cell.send_keys("Hosting")
    browser.refresh()
    area = browser.find_element(By.CSS_SELECTOR, "textarea[data-answer]")
    assert area.get_attribute("value") == "Approvals wait a week"
    assert browser.find_element(By.CSS_SELECTOR, "input[type=radio][value='4']").is_selected()
    assert browser.find_element(By.CSS_SELECTOR, ".answer-table input").get_attribute(
        "value") == "Hosting"
    tools = browser.find_element(By.CSS_SELECTOR, "[data-tools]")
    assert tools.is_displayed()  # the save, print and clear buttons show once the script runs
    text = browser.execute_script(
        "return localStorage.getItem(document.documentElement.dataset.answersKey)")
    assert "Approvals wait a week" in text
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_answers_are_saved_as_a_file_and_cleared(browser, spaces_page, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, spaces_page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {
        "behavior": "allow", "downloadPath": str(tmp_path)})
    area = browser.find_element(By.CSS_SELECTOR, "textarea[data-answer]")
    area.clear()
    area.send_keys("Kept in a file")
    save = browser.find_element(By.CSS_SELECTOR, "[data-action=save]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
    save.click()
    target = tmp_path / "change-at-pace-answers.txt"
    deadline = time.monotonic() + 10
    while not target.is_file() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = target.read_text("utf-8")
    assert "Question 1 (lines)\nKept in a file" in text
    status = save.find_element(By.XPATH, "ancestor::*[@data-tools]//*[@data-status]")
    assert status.text == "Your answers were saved as a file."
    clear = browser.find_element(By.CSS_SELECTOR, "[data-action=clear]")
    clear.click()
    browser.switch_to.alert.accept()
    assert area.get_attribute("value") == ""
    assert browser.execute_script(
        "return localStorage.getItem(document.documentElement.dataset.answersKey)") is None
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_welsh_pack_s_script_speaks_welsh(browser, built):
    from selenium.webdriver.common.by import By

    _open(browser, built["welsh.html"])
    area = browser.find_element(By.CSS_SELECTOR, "textarea[data-answer]")
    area.send_keys("Ateb")
    clear = browser.find_element(By.CSS_SELECTOR, "[data-action=clear]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", clear)
    assert clear.text == "Clirio fy atebion"
    browser.execute_script("arguments[0].click()", clear)
    alert = browser.switch_to.alert
    assert alert.text == "Clirio pob ateb a deipiwyd gennych yn y pecyn hwn?"
    alert.accept()
    status = clear.find_element(By.XPATH, "ancestor::*[@data-tools]//*[@data-status]")
    assert status.text == "Cafodd eich atebion eu clirio."
    assert area.get_attribute("value") == ""


def test_the_print_stylesheet_prints_answers_not_buttons(browser, spaces_page, looks):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.print_page_options import PrintOptions

    _open(browser, spaces_page)
    area = browser.find_element(By.CSS_SELECTOR, "textarea[data-answer]")
    area.clear()
    area.send_keys("Printed answer here")
    options = PrintOptions()
    options.background = True
    pdf = base64.b64decode(browser.print_page(options))
    (looks / "printed-with-answer.pdf").write_bytes(pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Printed answer here" in text
    assert "Save my answers" not in text and "Skip to main content" not in text
    assert "Change at pace" in text and "Agenda" in text
    browser.execute_script("localStorage.clear()")


def test_chromium_prints_the_pack_to_pdf(built, looks):
    from browser import chromium_paths

    paths = chromium_paths()
    if paths is None:
        pytest.skip("chromium is not installed")
    target = looks / "change-at-pace-print.pdf"
    subprocess.run([paths[0], "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={target}",
                    built["change-at-pace.html"].as_uri()],
                   capture_output=True, timeout=120, check=False)
    reader = PdfReader(target)
    assert len(reader.pages) >= 6  # the cover and agenda, then each section on its own pages
    first = reader.pages[0].extract_text()
    assert "Change at pace" in first and "Contents" not in first
