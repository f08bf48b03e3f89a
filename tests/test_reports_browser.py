"""The HTML report in a real browser: Debian's chromium, headless, driven through chromedriver.

Skipped only when chromium is absent and the CI variable is not set; under CI a
missing browser fails. `FACTLINT_SCREENSHOT=docs/img/report.png` also saves the
screenshot of the seeds' report there (the README's picture).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reports_support import ARTICLES, report

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")

if not (CHROMIUM and CHROMEDRIVER):
    message = "Debian's chromium and chromium-driver are needed (apt-get install -y chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()


def _wait(driver, condition, timeout: float = 5):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def test_click_highlight_shows_detail_related_link_and_filters(browser, tmp_path):
    from factlint.plugins.format_html import format_html

    rep, rules = report()
    page = tmp_path / "report.html"
    page.write_text(format_html(rep, {"rules": rules, "texts": ARTICLES}), "utf-8")
    browser.get(page.as_uri())

    panel = browser.find_element(By.ID, "panel")
    assert not panel.is_displayed()
    conflict = browser.find_element(By.CSS_SELECTOR, "#doc1 mark.fam-QB")
    assert conflict.text == "6,000 troops"
    conflict.click()
    _wait(browser, lambda d: panel.is_displayed())
    assert "QB201 troop-conflict" in panel.text
    assert "6,000 troops here, 10,000 in a.txt" in panel.text
    assert "About QB201" in panel.text  # the rule's documentation comes with the finding

    # the related figure in the other article is one click away
    panel.find_element(By.PARTIAL_LINK_TEXT, "a.txt, line 3").click()
    _wait(browser, lambda d: d.execute_script("return location.hash") == "#d0-35-48")
    related = browser.find_element(By.CSS_SELECTOR, '#doc0 [data-a~="d0-35-48"]')
    assert related.text == "10,000 troops"
    assert "flash" in related.get_attribute("class")

    # filtering a family out switches its highlights and list items off
    unnamed = browser.find_element(By.CSS_SELECTOR, "#doc0 mark.fam-QA")
    browser.find_element(By.CSS_SELECTOR, 'input[name="family"][value="QA"]').click()
    _wait(browser, lambda d: "off" in unnamed.get_attribute("class"))
    assert not browser.find_element(By.CSS_SELECTOR, '#doc0 li[data-k="0"]').is_displayed()
    assert "off" not in conflict.get_attribute("class")
    assert browser.find_element(By.ID, "shown").text == "1 of 3 findings shown"

    # hovering shows the message too
    assert conflict.get_attribute("title") == "QB201 (error): 6,000 troops here, 10,000 in a.txt"


def test_seeds_report_in_browser_and_screenshot(browser, tmp_path):
    page = tmp_path / "seeds.html"
    done = subprocess.run([sys.executable, "-m", "factlint", "check", "seeds", "--format", "html", "--output", str(page)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    browser.get(page.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.f")
    assert marks, "the seed articles produce at least one highlighted finding"
    first = marks[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.click()
    panel = browser.find_element(By.ID, "panel")
    _wait(browser, lambda d: panel.is_displayed())
    code = first.get_attribute("title").split(" ", 1)[0]
    assert panel.find_element(By.CSS_SELECTOR, ".fd h3").text.split()[1] == code
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("FACTLINT_SCREENSHOT"):
        target = ROOT / os.environ["FACTLINT_SCREENSHOT"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
