"""The Hypothesis profile is chosen with HYPOTHESIS_PROFILE (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Loads the suite's conftest as pytest would, then prints what property tests would run with.
PROBE = ("import tests.conftest as c; from hypothesis import settings; s = settings(); "
         "print(c.PROFILE, s.derandomize, s.max_examples, c.examples(30))")


def probe(profile: str | None) -> subprocess.CompletedProcess[str]:
    """Run the probe in a fresh interpreter with HYPOTHESIS_PROFILE set to `profile` (or unset)."""
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_PROFILE"}
    if profile is not None:
        env["HYPOTHESIS_PROFILE"] = profile
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.mark.parametrize(("profile", "printed"), [
    (None, "suite True 100 30"),
    ("thorough", "thorough False 1000 1000"),
])
def test_hypothesis_profile_chosen_by_environment(profile: str | None, printed: str) -> None:
    done = probe(profile)
    assert (done.returncode, done.stdout.strip()) == (0, printed), done.stderr


def test_hypothesis_profile_unknown_name_fails() -> None:
    done = probe("thourough")
    assert done.returncode != 0 and "thourough" in done.stderr
