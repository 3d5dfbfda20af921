"""The classroom benchmark still runs against the real server: a tiny class, every request of
every kind answered without an error, and the figures it promises printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_tiny_class_runs_without_errors_and_prints_its_figures():
    out = subprocess.run([sys.executable, "bench/classroom.py", "--sizes", "3", "--seconds", "3"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    for kind in ("bare", "page", "post", "coach", "trainer"):
        assert f"\n  {kind} " in out.stdout
    assert "  fel: 0\n" in out.stdout
    assert "servern skrev" not in out.stdout  # nothing in the trainer's window while a class works
    assert "Största klass med sidans p99 under 100 ms" in out.stdout
    if sys.platform.startswith("linux"):
        assert "serverns minne efter klassen:" in out.stdout and " MB" in out.stdout
