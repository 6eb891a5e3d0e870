"""``minutebook serve``: the local site, driven in headless Chromium and through Flask's test client."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.web.app import create_app, highlight

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Screenshots for the README are kept when this is set (``MINUTEBOOK_SCREENSHOTS=1 pytest tests/test_web.py``).
SHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture(scope="module")
def client(bundled_index):
    return create_app(bundled_index).test_client()


def test_snippets_mark_matches_and_escape_the_rest():
    assert str(highlight("the **youth** hub <script>")) == "the <mark>youth</mark> hub &lt;script&gt;"


def test_decision_register_leads_to_the_minuted_meeting(client):
    register = client.get("/decisions").get_data(as_text=True)
    assert "Housing and Communities Scrutiny Committee</a> (10)" in register
    page = client.get("/decisions?committee=Housing+and+Communities+Scrutiny+Committee").get_data(as_text=True)
    entry = page[page.index("Tenant Voice Panel: First Year") - 400:]
    assert "2025-01-23 · minute 12:" in entry and 'class="badge carried"' in entry
    meeting = re.search(r'href="(/meeting/[0-9a-f]{64}/\d+)">meeting', entry).group(1)
    shown = client.get(meeting).get_data(as_text=True)
    assert "<h1>Housing and Communities Scrutiny Committee</h1>" in shown
    assert "2025-01-23" in shown and "<h2>Attendance</h2>" in shown and "<h2>Decisions</h2>" in shown
    assert re.search(r"Present \(\d+\)", shown)


def test_only_indexed_files_are_served(client, bundled_index):
    page = client.get("/?q=fostering").get_data(as_text=True)
    pdf = re.search(r'href="(/file/[0-9a-f]{64})#page=\d+"', page).group(1)
    got = client.get(pdf)
    assert got.status_code == 200 and got.mimetype == "application/pdf" and got.data.startswith(b"%PDF")
    assert client.get("/file/" + "0" * 64).status_code == 404
    assert client.get("/file/../../../etc/passwd").status_code == 404
    assert client.get("/meeting/" + "0" * 64 + "/1").status_code == 404


@pytest.fixture(scope="module")
def server(bundled_index):
    """``minutebook serve`` on a free port; its first line says where, so the test waits on that, not on time."""
    proc = subprocess.Popen([sys.executable, "-m", "minutebook", "serve", "--index", bundled_index, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not found:
        proc.kill()
        pytest.fail(f"serve did not start: {line!r} {proc.stderr.read()}")
    yield found.group(0)
    proc.terminate()
    proc.wait()


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (Debian package chromium)")
def test_search_meeting_and_trace_in_a_browser(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    shots = SHOTS if os.environ.get("MINUTEBOOK_SCREENSHOTS") else tmp_path
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(server)
        page.fill("input[name=q]", '"youth hub review"')
        page.press("input[name=q]", "Enter")
        page.wait_for_selector("article.hit")
        titles = page.locator("article.hit .title a").all_inner_texts()
        assert titles and all("Youth Hub Review" in t for t in titles[:3])
        assert "Children and Young People Scrutiny Board (1)" in page.locator(".facets").inner_text()
        assert page.locator("article.hit mark").count() > 0
        page.screenshot(path=str(shots / "search.png"), full_page=True)

        agenda_hit = page.locator("article.hit", has_text="agenda item").first
        agenda_hit.locator(".title a").click()
        page.wait_for_selector("h1")
        assert page.locator("h1").inner_text() == "Children and Young People Scrutiny Board (1)"
        assert "Agenda" in page.locator("h2").all_inner_texts()
        page.screenshot(path=str(shots / "meeting.png"), full_page=True)

        page.locator("tr", has_text="Youth Hub Review").first.get_by_role("link", name="trace").click()
        page.wait_for_selector("ol.timeline")
        dates = [t.split(" · ")[0] for t in page.locator("ol.timeline > li > .title").all_inner_texts()]
        assert dates[:4] == ["2025-10-16", "2025-09-11", "2025-03-13", "2024-11-14"]
        page.screenshot(path=str(shots / "trace.png"), full_page=True)

        # Readable on a phone: nothing wider than the screen.
        phone = browser.new_page(viewport={"width": 390, "height": 800})
        phone.goto(server + "?q=fostering")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
