"""Every problem in one pass: the rules' issues past the schema's.

:func:`civicspace.validate` runs the rules across fields only on a document
the schema accepts, so a misspelt role hid an unresolved reference until the
role was fixed, and a partner imported again and again.  Here the document's
schema issues are set aside on a copy (a value the schema suggests is put in,
a wrong value is taken out, an object that still lacks a required member is
taken out), the copy is validated again, and the rules' issues on what was
left as typed are reported with the schema's, at their places in the
document (a removal's shift of the later items of a list undone).  An issue
on a value that was changed is never reported: it could be wrong.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Final

import attrs

import civicspace
from civicspace.errors import Issue

__all__ = ["further_issues"]

#: Rounds of setting schema issues aside before giving up.
_ROUNDS: Final = 4
_STEP: Final = re.compile(r"\.([A-Za-z0-9_]+)|\[([0-9]+)\]")


def _steps(path: str) -> list[str | int] | None:
    if not path.startswith("$"):
        return None
    steps: list[str | int] = []
    position = 1
    for found in _STEP.finditer(path, 1):
        if found.start() != position:
            return None
        steps.append(found.group(1) if found.group(1) is not None else int(found.group(2)))
        position = found.end()
    return steps if position == len(path) else None


def _order(path: str) -> tuple[tuple[int, Any], ...]:
    """Sorted in reverse: the deepest first, and the later items of a list before earlier ones."""
    steps = _steps(path) or []
    return tuple((1, step) if isinstance(step, int) else (0, step) for step in steps)


def _is_schema(issue: Issue) -> bool:
    return issue.code.startswith(("schema.", "json.", "document."))


class _Copy:
    def __init__(self, document: Any) -> None:
        self.document = copy.deepcopy(document)
        self.removed: list[tuple[str, int]] = []  # (list path, index taken out)
        self.changed: list[str] = []
        self.ids: set[str] = set()  # the ids of the objects taken out

    def parent(self, steps: list[str | int]) -> tuple[Any, str | int] | None:
        node = self.document
        for step in steps[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        last = steps[-1]
        if isinstance(node, dict) and isinstance(last, str) and last in node:
            return node, last
        if isinstance(node, list) and isinstance(last, int) and last < len(node):
            return node, last
        return None

    def remove(self, path: str, steps: list[str | int]) -> bool:
        found = self.parent(steps)
        if found is None:
            return False
        node, last = found
        taken = node[last]
        if isinstance(taken, dict) and isinstance(taken.get("id"), str):
            self.ids.add(taken["id"])
        if isinstance(node, list) and isinstance(last, int):
            node.pop(last)
            self.removed.append((path[: path.rfind("[")], last))
        else:
            del node[last]
            self.changed.append(path)
        return True

    def set_aside(self, issue: Issue) -> bool:
        """Set one schema issue aside; ``False`` when it cannot be (it is on the document)."""
        steps = _steps(issue.path)
        if not steps:
            return False
        if issue.code == "schema.enum" and issue.suggestion is not None:
            found = self.parent(steps)
            if found is not None:
                node, last = found
                node[last] = issue.suggestion
                self.changed.append(issue.path)
                return True
        if issue.code == "schema.required":
            # The path names the member missing: the object that lacks it is taken out.
            steps = steps[:-1]
            path = issue.path[: max(issue.path.rfind("."), issue.path.rfind("["))]
            return bool(steps) and self.remove(path, steps)
        return self.remove(issue.path, steps)  # a wrong value is taken out

    def restored(self, issue: Issue) -> Issue | None:
        """The issue at its place in the document; ``None`` when it is on a changed value."""
        path = issue.path
        if "reference" in issue.code and any(taken in issue.message for taken in self.ids):
            return None  # it names an object the copy goes without
        for changed in self.changed:
            if path == changed or path.startswith((changed + ".", changed + "[")):
                return None
        # Each removal shifted the later items of its list: undo them, the last first.
        for base, index in reversed(self.removed):
            if path.startswith(base + "["):
                rest = path[len(base) + 1 :]
                digits = rest[: rest.find("]")] if "]" in rest else ""
                if digits.isdigit() and int(digits) >= index:
                    path = f"{base}[{int(digits) + 1}]{rest[len(digits) + 1 :]}"
        return issue if path == issue.path else attrs.evolve(issue, path=path)


def further_issues(document: Any, issues: list[Issue]) -> list[Issue]:
    """The rules' issues that the schema's ``issues`` of ``document`` hid.

    Empty when the document has no schema issue (the rules ran already), or
    when its schema issues cannot be set aside.
    """
    pending = [issue for issue in issues if _is_schema(issue)]
    if not pending:
        return []
    aside = _Copy(document)
    for _ in range(_ROUNDS):
        paths = {issue.path: issue for issue in pending}
        for path in sorted(paths, key=_order, reverse=True):
            if not aside.set_aside(paths[path]):
                return []
        found = civicspace.validate(aside.document)
        pending = [issue for issue in found if _is_schema(issue)]
        if not pending:
            return [kept for issue in found if (kept := aside.restored(issue)) is not None]
    return []
