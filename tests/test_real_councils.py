"""Meetings, items, decisions and attendance on real papers of six councils, scored
against their hand gold with the project's own scorer (``../shared/eval/score_real.py``).

Each council's floors are the figures measured when its rules were written, less a
small margin, so a change that helps one council by hurting another fails here.
Scanned papers are left out unless ``MINUTEBOOK_TEST_OCR=1`` (tesseract reads them,
which takes minutes); their text-layer pages are scored with the rest.
"""

from __future__ import annotations

import importlib.util
import json
import os

import pytest

from conftest import SHARED
from minutebook.extract import extract_file
from minutebook.output import to_json

REAL = SHARED / "real"
SCORER = SHARED.parent / "eval" / "score_real.py"
pytestmark = pytest.mark.skipif(not (REAL / "gold").is_dir() or not SCORER.is_file(), reason="real papers and scorer in ../shared are not beside this checkout")

# council prefix -> metric -> floor
FLOORS = {
    "garelochhead": {"meetings_f1": 1.0, "agenda_f1": 0.97, "minutes_f1": 0.90, "resolutions_f1": 0.90, "outcome_acc": 0.97, "attendance_f1": 0.95, "time_acc": 0.97},
    "kent": {"meetings_f1": 1.0, "agenda_f1": 0.97, "minutes_f1": 0.97, "resolutions_f1": 0.95, "outcome_acc": 0.97, "votes_acc": 0.97, "attendance_f1": 0.97, "time_acc": 0.97},
    "limerick": {"meetings_f1": 1.0, "minutes_f1": 0.93, "resolutions_f1": 0.88, "outcome_acc": 0.90, "votes_acc": 0.97, "attendance_f1": 0.97, "time_acc": 0.97},
    "milburn": {"meetings_f1": 1.0, "agenda_f1": 0.97, "minutes_f1": 0.90, "resolutions_f1": 0.73, "outcome_acc": 0.97, "attendance_f1": 0.95, "time_acc": 0.97},
    "newbiggin": {"meetings_f1": 1.0, "minutes_f1": 0.97, "resolutions_f1": 0.88, "outcome_acc": 0.97, "attendance_f1": 0.89},
    "nipissing": {"meetings_f1": 1.0, "agenda_f1": 0.97, "minutes_f1": 0.92, "resolutions_f1": 0.95, "outcome_acc": 0.97, "attendance_f1": 0.97, "time_acc": 0.97},
    "tulsa": {"meetings_f1": 1.0, "agenda_f1": 0.97, "minutes_f1": 0.91, "resolutions_f1": 0.97, "outcome_acc": 0.97, "votes_acc": 0.97, "attendance_f1": 0.97, "time_acc": 0.97},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_real", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _papers(council: str):
    with_ocr = os.environ.get("MINUTEBOOK_TEST_OCR") == "1"
    for path in sorted((REAL / "gold").glob(f"{council}_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("scanned") and not with_ocr:
            continue
        paper = next(REAL.rglob(gold["file"]))
        yield gold, paper


@pytest.fixture(scope="module")
def scorer():
    return _scorer()


@pytest.mark.parametrize("council", sorted(FLOORS))
def test_council_scores_at_least_its_floors(council, scorer):
    counts = scorer.Counts()
    for gold, paper in _papers(council):
        out = to_json(extract_file(str(paper), ocr=os.environ.get("MINUTEBOOK_TEST_OCR") == "1"))
        c, _note = scorer.score_file(gold, out)
        counts.merge(c)
    figures = scorer.figures(counts)
    low = {k: round(figures[k], 2) for k, floor in FLOORS[council].items() if figures[k] is not None and figures[k] < floor}
    assert not low, f"{council}: below floor {low} (all: { {k: round(v, 2) for k, v in figures.items() if v is not None} })"
