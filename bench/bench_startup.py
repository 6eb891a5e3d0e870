"""Start-up: how much a command costs before it does its work, beside a bare Python.

Run: python bench/bench_startup.py [--runs 7]

Prints the median (and fastest) wall and CPU time of ``python -c pass``,
``minutebook --version``, ``minutebook search --help`` and a one-word
``minutebook search`` on a small index (the bundled corpus, built once in a
temp dir), each the excess over ``python -c pass``; whether a command that
tags no entities imported spaCy (``python -X importtime``); and the entity
pipeline's load (``build_nlp()`` after ``import spacy``) from a warm cache,
from a cold one, and the ``import spacy`` it needs, each in a fresh process.
Runs may write bytecode, as an installed package has it. Targets (issue 12): a command ≤ 0.3 s over ``python -c pass``; the pipeline
from its warm cache ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CLI = [PY, "-m", "minutebook"]


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds (user + system of the child) of one run, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return wall, cpu, done.stdout


def medians(cmd: list[str], runs: int, env: dict | None = None) -> tuple[float, float, float]:
    """Median wall, median CPU and fastest wall over ``runs`` runs (one unmeasured first run warms the disk cache)."""
    run(cmd, env)
    walls, cpus = zip(*(run(cmd, env)[:2] for _ in range(runs)))
    return statistics.median(walls), statistics.median(cpus), min(walls)


def imports_spacy(cmd: list[str], env: dict | None = None) -> bool:
    done = subprocess.run([PY, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env)
    return any(line.rsplit("|", 1)[-1].strip().split(".")[0] in ("spacy", "thinc") for line in done.stderr.splitlines())


PIPELINE = """
import sys, time
c, w = time.process_time(), time.perf_counter()
import spacy
import minutebook.nlp
c1, w1 = time.process_time(), time.perf_counter()
minutebook.nlp.build_nlp()
print(w1 - w, c1 - c, time.perf_counter() - w1, time.process_time() - c1)
"""


def pipeline(runs: int, env: dict) -> tuple[list[float], list[float]]:
    """Medians of (import wall, import CPU, build wall, build CPU) in fresh processes."""
    rows = [list(map(float, run([PY, "-c", PIPELINE], env)[2].split())) for _ in range(runs)]
    return [statistics.median(col) for col in zip(*rows)], rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="minutebook-startup-") as tmp:
        index = os.path.join(tmp, "index")
        # Bytecode as an installed package has it (pip compiles it): a shell exporting PYTHONDONTWRITEBYTECODE
        # would otherwise have every run compile an editable checkout's modules from source.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(MINUTEBOOK_INDEX=index, MINUTEBOOK_NLP_CACHE=os.path.join(tmp, "cache"))
        subprocess.run([*CLI, "ingest", "--jobs", "1", str(ROOT / "corpus")], env=env, capture_output=True, check=True)

        base_wall, base_cpu, base_min = medians([PY, "-c", "pass"], args.runs, env)
        print(f"median of {args.runs} runs; excess over `python -c pass` in brackets")
        print(f"  {'python -c pass':34} wall {base_wall:6.3f} s  CPU {base_cpu:6.3f} s  (fastest {base_min:.3f} s)")
        commands = {
            "minutebook --version": [*CLI, "--version"],
            "minutebook search --help": [*CLI, "search", "--help"],
            "minutebook search budget": [*CLI, "search", "budget"],
        }
        for name, cmd in commands.items():
            wall, cpu, fastest = medians(cmd, args.runs, env)
            spacy = "imports spaCy" if imports_spacy(cmd, env) else "no spaCy"
            print(f"  {name:34} wall {wall:6.3f} s  CPU {cpu:6.3f} s  (fastest {fastest:.3f} s)  "
                  f"[+{wall - base_wall:.3f} s wall, +{cpu - base_cpu:.3f} s CPU]  {spacy}")

        cold_env = dict(env, MINUTEBOOK_NLP_CACHE="")
        (imp_wall, imp_cpu, cold_wall, cold_cpu), _ = pipeline(args.runs, cold_env)
        shutil.rmtree(env["MINUTEBOOK_NLP_CACHE"], ignore_errors=True)
        run([PY, "-c", PIPELINE], env)  # fills the cache
        (_, _, warm_wall, warm_cpu), _ = pipeline(args.runs, env)
        print("entity pipeline, fresh process each run:")
        print(f"  {'import spacy + minutebook.nlp':34} wall {imp_wall:6.3f} s  CPU {imp_cpu:6.3f} s")
        print(f"  {'build_nlp(), no cache':34} wall {cold_wall:6.3f} s  CPU {cold_cpu:6.3f} s")
        print(f"  {'build_nlp(), warm cache':34} wall {warm_wall:6.3f} s  CPU {warm_cpu:6.3f} s  "
              f"({cold_cpu / max(warm_cpu, 1e-6):.1f}x less CPU)")


if __name__ == "__main__":
    main()
