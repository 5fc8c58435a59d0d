"""Test configuration: hypothesis profiles.

``default``: 100 examples per property, no deadline (CI machines are shared and slow).
``thorough``: 2,000 examples, for a local deep run: ``pytest --hypothesis-profile=thorough``.
``coverage``: 10 examples, for the branch-coverage run in ``.ci/run`` (which lines run does
not need many examples; finding bugs does, and the default run does that).
``mutation``: 10 examples drawn the same way every run, for ``tools/mutation.sh`` (a mutant's
verdict must not depend on the luck of the draw).
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=2000)
settings.register_profile("coverage", parent=settings.get_profile("default"), max_examples=10)
settings.register_profile(
    "mutation", parent=settings.get_profile("default"), max_examples=10, derandomize=True
)
settings.load_profile("default")
