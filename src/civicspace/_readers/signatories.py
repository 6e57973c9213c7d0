"""Reading the signatories of a joint statement from its printed list."""

from __future__ import annotations

from typing import Final

from .._model.signatories import Signatory
from .._util.patterns import LazyPattern
from ..errors import ParseError

__all__ = ["parse_signatories"]

_MARKER: Final = LazyPattern(
    r"(?:(?P<number>[0-9]{1,4})[.)](?:\s+|$)|[•◦▪‣·*–—]\s*|-(?:\s+|$))(?P<rest>.*)"
)


_PARENTHESES: Final = LazyPattern(r"\s*\(([^()]*)\)")


_ACRONYM: Final = LazyPattern(r"\S{1,40}")


def _split_qualifier(text: str) -> tuple[str, str | None]:
    """Split at the first comma outside parentheses: ``(name part, qualifier or None)``."""
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            qualifier = text[index + 1 :].strip()
            return text[:index].strip(), qualifier or None
    return text, None


def _read_line(line: str) -> tuple[int | None, Signatory]:
    text = " ".join(line.split())
    number = None
    marked = _MARKER.fullmatch(text)
    if marked is not None:
        number = None if marked["number"] is None else int(marked["number"])
        text = marked["rest"]
    text = text.rstrip(";,").strip()
    name_part, qualifier = _split_qualifier(text)
    acronym = None
    groups = [group for group in _PARENTHESES.finditer(name_part) if group[1].strip()]
    if len(groups) == 1 and _ACRONYM.fullmatch(groups[0][1].strip()):
        acronym = groups[0][1].strip()
        name_part = name_part[: groups[0].start()] + " " + name_part[groups[0].end() :]
    # An empty "()" (an address the publisher stripped) says nothing: drop it.
    name = " ".join(_PARENTHESES.sub(lambda m: m[0] if m[1].strip() else "", name_part).split())
    if not name:
        raise ParseError(f"{line.strip()!r} names no organisation", text=line)
    return number, Signatory(name=name, acronym=acronym, qualifier=qualifier)


def parse_signatories(text: str) -> tuple[Signatory, ...]:
    """Read a signatory line, or a whole list of them, as published, in order.

    One signatory a line; blank lines are skipped.  A line may start with a
    number (``"1."``, ``"1)"``) or a bullet (``•``, ``-``, ``*``, ``–``),
    which is dropped, and end with a ``;`` or ``,`` (a list punctuated as a
    sentence), which is dropped too.  On each line:

    - the **qualifier** is everything after the first comma outside
      parentheses ("..., within the framework of the Observatory ...");
    - the **acronym** is the one parenthesised word (no spaces inside) of
      what comes before it, wherever it stands: "Affiliated Network for
      Social Accountability (ANSA) Cambodia" reads as the name "Affiliated
      Network for Social Accountability Cambodia" and the acronym "ANSA".
      Parentheses holding several words, or two parenthesised words, stay
      in the name; empty parentheses are dropped;
    - the **name** is the rest, whitespace collapsed.  A colon or dash stays
      in the name ("CIVICUS: World Alliance for Citizen Participation").

    Nothing is looked up or invented: "FIDH, within the framework of ..."
    reads as the name "FIDH" with no acronym.

    Raises:
        ParseError: when a line names no organisation (a bare ``"3."``), or
            when numbered lines do not count up by one from the first
            number (a line lost in copying: "1.", "2.", "4.").

    """
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}", text=str(text))
    read: list[Signatory] = []
    expected: int | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        number, signatory = _read_line(line)
        if number is not None:
            if expected is not None and number != expected:
                raise ParseError(
                    f"{line.strip()!r} is numbered {number} where {expected} was expected; "
                    "is a line missing or out of order?",
                    text=line,
                )
            expected = number + 1
        read.append(signatory)
    return tuple(read)
