"""Run by .ci/run against the installed wheel, outside the source tree.

Fails if a schema, a data file or an example is missing from the wheel.
"""

import subprocess
import sys
from importlib import resources

import civicspace
from civicspace import datasets

assert "site-packages" in civicspace.__file__, civicspace.__file__
shipped = {entry.name for entry in (resources.files("civicspace") / "schemas").iterdir()}
assert {f"{name}.json" for name in civicspace.schema_names()} == shipped
for name in civicspace.schema_names():
    assert civicspace.schema(name)["$id"].endswith(f"/{name}.json")
assert civicspace.ratings.rating_scales()["civicus-monitor"].category(30) == "repressed"
assert civicspace.cases.custody_kind_codes()  # data/custody_kinds.json ships
assert len(civicspace.cases.event_kinds()) > 50  # data/event_kinds.json ships
assert (resources.files("civicspace") / "py.typed").is_file()
issues = civicspace.validate(
    b'{"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020-02-30"}'
)
assert [("$.as_of", "schema.format")] == [(i.path, i.code) for i in issues], issues
record = civicspace.load(
    {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2020"}
)
assert civicspace.dump(record)["country"] == "KHM"
assert datasets.names() == ("cambodia",)
assert any(case.id == "kem-sokha-2020" for case in datasets.load("cambodia").cases)
assert civicspace.readers.parse_term(
    "18 to 20 months"
).term == civicspace.sentences.TermRange.parse("P18M/P20M")
help_run = subprocess.run(
    [sys.executable, "-m", "civicspace", "--help"], capture_output=True, check=True
)
assert b"validate" in help_run.stdout
print("wheel check: ok")
