"""Rules across fields: the step after structuring.

:mod:`.engine` runs the rules registered for each class of a record, and
every object inside it; each other module holds the rules of one record type
(or of the objects that type embeds), registered with :func:`.engine.check`
under an issue code and its meaning.  :mod:`.references` says what each
record type refers to, for the collection's rules.
"""

import importlib
import pkgutil

# Each module of this package registers its rules when imported: a new record
# type's rules module needs no line here.
for _found in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_found.name}")
