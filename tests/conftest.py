"""Suite-wide settings: property tests are deterministic by default, randomised and long on request.

HYPOTHESIS_PROFILE=thorough runs every property test on many fresh random examples (derandomize
off, 1,000 examples) to look for new counterexamples; the default "suite" profile replays the same
examples every run, so that a red CI is reproducible.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_VARIABLE = "HYPOTHESIS_PROFILE"
THOROUGH_EXAMPLES = 1000

# deadline off: 2 shared cores; database off: nothing is written next to the sources.
settings.register_profile(
    "suite", deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", deadline=None, derandomize=False, database=None, max_examples=THOROUGH_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = os.environ.get(PROFILE_VARIABLE, "suite")
# An unknown name fails here, with Hypothesis naming the registered profiles.
settings.load_profile(PROFILE)


def examples(suite: int) -> int:
    """Examples for a property test: its own small count in the suite, the profile's otherwise."""
    return suite if PROFILE == "suite" else settings.get_profile(PROFILE).max_examples
