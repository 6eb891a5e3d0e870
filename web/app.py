"""The local site: search with facets, meeting pages, decision registers, trace timelines.

Server-rendered with Flask and Jinja2 (autoescaped), so it works without
JavaScript and needs no build step. Files are served only by the sha256 the
index holds for them, never by a path taken from the request.
"""

from __future__ import annotations

import mimetypes
import os

from flask import Flask, abort, render_template, request, send_file, url_for
from markupsafe import Markup, escape

from minutebook.api import Index
from minutebook.index.query import MARKED, where

# Filters the search form and facet links carry, as (query parameter, search() keyword).
FILTERS = (("committee", "committee"), ("kind", "kind"), ("from", "date_from"), ("to", "date_to"))


def highlight(snippet: str | None) -> Markup:
    """A snippet's marked words as ``<mark>``, everything else escaped."""
    return Markup(MARKED.sub(r"<mark>\1</mark>", str(escape(snippet or ""))))


def meeting_number(contract: dict, document: str | None, date: str | None) -> int | None:
    """Which of a file's meetings (1-based) a record belongs to: the one its document minutes, else the one on its date."""
    meetings = contract.get("meetings", [])
    for n, m in enumerate(meetings, start=1):
        if document and m.get("document") == document:
            return n
    for n, m in enumerate(meetings, start=1):
        if date and m.get("date") == date and m.get("source_role") == "agenda":
            return n
    for n, m in enumerate(meetings, start=1):
        if date and m.get("date") == date:
            return n
    return None


def create_app(index_dir: str) -> Flask:
    app = Flask(__name__)
    app.jinja_env.globals["where"] = lambda a: where(vars(a) | a.extra)  # an Appearance, as the terminal words it
    archive = Index(index_dir)

    def files() -> dict[str, str]:
        """sha256 -> path of every indexed file."""
        return {sha: path for path, sha in archive.files().items()}

    def links(record: dict, shas: dict[str, str], contracts: dict[str, dict | None]) -> dict:
        """The PDF page and meeting page a hit or appearance points at."""
        path = record.get("file")
        sha = shas.get(path)
        out = {"file": url_for("file", sha=sha) + (f"#page={record['page']}" if record.get("page") else "") if sha else None,
               "meeting": None}
        if sha:
            if path not in contracts:
                contracts[path] = archive.contract(path)
            c = contracts[path]
            n = meeting_number(c, record.get("document"), record.get("date")) if c else None
            if n:
                out["meeting"] = url_for("meeting", sha=sha, number=n)
        return out


    @app.context_processor
    def helpers():
        return {"highlight": highlight}

    @app.route("/")
    def search():
        q = request.args.get("q", "").strip()
        chosen = {param: request.args.get(param, "").strip() for param, _ in FILTERS}
        found, error = None, None
        if q:
            try:
                found = archive.search(q, limit=20, facets=True,
                                       **{kw: chosen[param] for param, kw in FILTERS if chosen[param]})
            except (ValueError, FileNotFoundError) as exc:
                error = str(exc)
        rows = []
        if found:
            shas, contracts = archive.files(), {}
            rows = [(h, links(vars(h), shas, contracts)) for h in found.hits]

        def facet_url(name: str, value: str) -> str:
            args = {k: v for k, v in chosen.items() if v} | {"q": q}
            args[{"year": "from"}.get(name, name)] = value
            if name == "year":
                args["to"] = value
            return url_for("search", **args)

        return render_template("search.html", q=q, chosen=chosen, found=found, rows=rows, error=error, facet_url=facet_url)

    @app.route("/meeting/<sha>/<int:number>")
    def meeting(sha: str, number: int):
        path = files().get(sha) or abort(404)
        c = archive.contract(path) or abort(404)
        meetings = c.get("meetings", [])
        if not 1 <= number <= len(meetings):
            abort(404)
        m = meetings[number - 1]
        docs = {d["id"]: d for d in c.get("documents", [])}
        page = (docs.get(m.get("document")) or {}).get("page_start")
        pdf = url_for("file", sha=sha) + (f"#page={page}" if page else "")
        return render_template("meeting.html", m=m, path=path, pdf=pdf, sha=sha, file_url=url_for("file", sha=sha))

    @app.route("/decisions")
    def decisions():
        committee = request.args.get("committee", "").strip()
        found = archive.resolutions(committee=committee or None)
        committees: dict[str, int] = {}
        for r in found:
            committees[r.committee or "(committee unknown)"] = committees.get(r.committee or "(committee unknown)", 0) + 1
        rows = []
        if committee:
            shas, contracts = archive.files(), {}
            rows = [(r, links(vars(r) | {"document": r.extra.get("document")}, shas, contracts)) for r in reversed(found)]
        return render_template("decisions.html", committee=committee, committees=sorted(committees.items()), rows=rows)

    @app.route("/trace")
    def trace():
        item = request.args.get("item", "").strip()
        found = archive.trace(item) if item else []
        shas, contracts = archive.files(), {}
        timeline = [(m, [(a, links(vars(a) | {"date": m.date}, shas, contracts)) for a in m.appearances]) for m in found]
        return render_template("trace.html", item=item, timeline=timeline)

    @app.route("/file/<sha>")
    def file(sha: str):
        path = files().get(sha)
        if not path or not os.path.isfile(path):
            abort(404)
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind == "application/octet-stream" and path.endswith(".md"):
            kind = "text/plain; charset=utf-8"
        return send_file(os.path.abspath(path), mimetype=kind, download_name=os.path.basename(path), as_attachment=False)

    return app
