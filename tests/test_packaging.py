"""Every package folder is listed in setup.cfg, so a plain (non-editable) install has it."""

from __future__ import annotations

import configparser

from conftest import ROOT


def test_every_package_folder_is_installed():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    folders = {
        ".".join(("minutebook",) + p.parent.relative_to(ROOT).parts)
        for p in ROOT.rglob("__init__.py")
        if not {".venv", "tests", "build", "bench"} & set(p.relative_to(ROOT).parts)
    }
    assert folders - listed == set()
