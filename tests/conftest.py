"""Suite-wide settings: property tests are deterministic and never time-limited on a busy CI machine."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# derandomize: the same examples every run, so a red CI is reproducible; deadline off: 2 shared cores.
settings.register_profile(
    "suite", deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("suite")
