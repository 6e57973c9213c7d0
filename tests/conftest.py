import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from civicspace import datasets

# "ci": no deadline (a loaded 2-core machine must not fail on time) and a budget that keeps
# the whole of .ci/run under 15 minutes; laws that are cheap to check ask for more examples
# with their own @settings.
settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=30, deadline=None)
# "quick": a smoke run while restructuring; never what CI runs.
settings.register_profile(
    "quick",
    max_examples=5,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def cambodia():
    """The Cambodia dataset, loaded once for the whole run (it is immutable)."""
    return datasets.load("cambodia")
