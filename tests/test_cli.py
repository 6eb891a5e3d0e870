"""The command line: the JSON contract validates, bad files fail one line each."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from conftest import BUNDLED, ROOT, SHARED, needs_shared

from minutebook.cli import cli

SCHEMA = json.loads((ROOT / "schema" / "extract.schema.json").read_text())
PACK = sorted(BUNDLED.glob("*.pdf"))[0]


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_extract_json_validates_against_schema_on_bundled_corpus():
    result = run("extract", PACK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "minutebook.extract/1"
    assert data["documents"][0]["kind"] == "agenda"
    assert data["entities"], "entities are tagged by default"


@needs_shared
def test_extract_json_validates_on_every_development_file():
    files = sorted((SHARED / "pdf").glob("*.pdf")) + sorted((SHARED / "seeds").glob("*.txt"))
    result = run("extract", *files, "--format", "json", "--no-entities")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data) == 10
    for item in data:
        jsonschema.validate(item, SCHEMA)


def test_bad_file_in_a_batch_is_one_line_and_the_rest_is_processed(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n%%garbage")
    result = run("extract", bad, PACK, "--format", "json", "--no-entities")
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l]
    assert errors == [f"minutebook: {bad}: corrupt or truncated PDF" + errors[0].split("corrupt or truncated PDF", 1)[1]]
    assert "Traceback" not in result.output
    (only,) = json.loads(result.stdout)
    assert Path(only["source"]["path"]).name == PACK.name


def test_text_and_markdown_outlines(tmp_path):
    text = run("extract", PACK, "--no-entities")
    markdown = run("extract", PACK, "--format", "markdown", "--no-entities")
    assert text.exit_code == markdown.exit_code == 0
    assert "d1 agenda:" in text.output
    assert markdown.output.startswith(f"# {PACK.name}")


def test_entities_lists_labels_with_counts():
    result = run("entities", PACK, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "COMMITTEE" in data and all(n >= 1 for n in data["COMMITTEE"].values())


def test_entity_offsets_index_their_section_text():
    data = json.loads(run("extract", PACK, "--format", "json").output)
    sections = {s["id"]: s["text"] or "" for d in data["documents"] for s in d["sections"]}
    assert len(data["entities"]) > 20
    for e in data["entities"]:
        assert sections[e["section"]][e["start"] : e["end"]] == e["text"]
