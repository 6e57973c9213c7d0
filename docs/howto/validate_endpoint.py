"""Validate a submitted record in a web endpoint and answer with the issues as JSON.

``check_submission`` is the whole logic: bytes in, an HTTP status and a JSON
body out, so any framework can call it.  ``app`` wraps it as a plain WSGI
application (PEP 3333) with nothing but the standard library.  Run this file
to serve it on http://127.0.0.1:8000/ and try it with::

    curl --data-binary @submission.json http://127.0.0.1:8000/
"""

import json
from collections.abc import Callable, Iterable
from typing import Any

import civicspace

#: The largest body accepted, in bytes; a larger one is refused unread.
MAX_BODY = 10 * 1024 * 1024

REASONS = {
    200: "OK",
    400: "Bad Request",
    405: "Method Not Allowed",
    413: "Content Too Large",
    422: "Unprocessable Content",
}


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def check_submission(body: bytes) -> tuple[int, bytes]:
    """Validate one submitted record: ``(HTTP status, JSON body)``.

    200 with ``{"valid": true, "type": ...}`` when it is valid, 422 with
    every issue otherwise, each in civicspace's JSON form
    (:func:`civicspace.dump`).  Bad input never raises: malformed JSON is an
    issue too, and so is JSON Lines (one record is expected).
    """
    try:
        record = civicspace.load_one(body)
    except civicspace.ValidationError as error:
        issues = [civicspace.dump(issue) for issue in error.issues]
        return 422, _json({"valid": False, "issues": issues})
    return 200, _json({"valid": True, "type": civicspace.dump(record)["type"]})


def app(
    environ: dict[str, Any], start_response: Callable[[str, list[tuple[str, str]]], Any]
) -> Iterable[bytes]:
    """A WSGI application: POST a JSON document, get back what ``check_submission`` says."""
    if environ["REQUEST_METHOD"] != "POST":
        status, body = 405, _json({"error": "POST a JSON document"})
    else:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            status, body = 400, _json({"error": "Content-Length is not a number of bytes"})
        elif length > MAX_BODY:
            status, body = 413, _json({"error": f"the limit is {MAX_BODY} bytes"})
        else:
            status, body = check_submission(environ["wsgi.input"].read(length))
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    start_response(f"{status} {REASONS[status]}", headers)
    return [body]


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    with make_server("127.0.0.1", 8000, app) as server:
        print("Serving on http://127.0.0.1:8000/ (Ctrl-C to stop)")
        server.serve_forever()
