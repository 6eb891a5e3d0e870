"""The Python API: ``minutebook.extract`` and ``minutebook.Index`` give typed results, the CLI's answers."""

from __future__ import annotations

import subprocess
import sys

import minutebook
from conftest import BUNDLED
from minutebook.api import Appearance, Hit, Resolution, TracedMeeting
from minutebook.model import Extraction


def test_the_package_exposes_the_api():
    assert {"extract", "Index", "Extraction"} <= set(dir(minutebook))


def test_extract_returns_the_extraction_with_entities():
    ex = minutebook.extract(str(BUNDLED / "hcc_cyp_2025-10-16.pdf"))
    assert isinstance(ex, Extraction)
    assert [d.kind for d in ex.documents][:2] == ["agenda", "minutes"]
    (minutes,) = [m for m in ex.meetings if m.source_role == "minutes"]
    assert minutes.date == "2025-09-11"
    assert [(i.number, i.title) for i in minutes.minutes_items][:3] == [
        ("5", "Declarations of Interest"), ("6", "Exclusion of Press and Public"), ("7", "Minutes")]
    assert any(e.label == "TEAM" for e in ex.entities)
    # The subpackage minutebook.extract is imported by now; the call still works.
    assert minutebook.extract(str(BUNDLED / "hcc_youth_hub_note.txt"), entities=False).entities == []


def test_index_search_resolutions_and_trace(bundled_index):
    ix = minutebook.Index(bundled_index)
    found = ix.search('"youth hub review"', limit=5, facets=True)
    assert found.hits and all(isinstance(h, Hit) for h in found.hits)
    assert "Youth Hub Review" in found.hits[0].title
    assert list(found.facets["committee"]) == ["Children and Young People Scrutiny Board (1)"]

    decided = ix.resolutions(committee="housing")
    assert decided and all(isinstance(r, Resolution) for r in decided)
    assert {r.committee for r in decided} == {"Housing and Communities Scrutiny Committee"}
    tenant = next(r for r in decided if r.title == "Tenant Voice Panel: First Year")
    assert (tenant.date, tenant.minute, tenant.outcome) == ("2025-01-23", "12", "carried")

    traced = ix.trace("Youth Hub Review")
    assert all(isinstance(m, TracedMeeting) and all(isinstance(a, Appearance) for a in m.appearances) for m in traced)
    assert [m.date for m in traced if not m.planned] == ["2025-10-16", "2025-09-11", "2025-03-13", "2024-11-14", "2024-09-19"]


def test_index_meetings_come_from_the_stored_extractions(bundled_index):
    ix = minutebook.Index(bundled_index)
    housing = ix.meetings(committee="housing")
    assert housing and {m.committee for m in housing} == {"Housing and Communities Scrutiny Committee"}
    assert [m.date for m in housing] == sorted((m.date for m in housing), reverse=True)
    with_attendance = [m for m in housing if m.data["attendance"]["present"]]
    assert with_attendance


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "minutebook", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"minutebook, version {minutebook.__version__}"
