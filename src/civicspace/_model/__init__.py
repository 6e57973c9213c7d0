"""The model: frozen attrs classes of every record type and pure functions over them.

No I/O and no (un)structuring here; nothing in this package imports from
another civicspace subpackage.
"""

import importlib
import pkgutil

from .limits import enforce_schema_limits

# Every class of every model module checks the schemas' limits when built.
enforce_schema_limits(
    importlib.import_module(f"{__name__}.{found.name}")
    for found in pkgutil.iter_modules(__path__)
    if found.name != "limits"  # whose own classes describe the limits
)
