"""A FastAPI endpoint that takes a case, documented by civicspace's OpenAPI form.

The OpenAPI description shows the case schema (``civicspace schema case
--openapi``): its ``components/schemas`` are merged into the app's, and the
request body refers to ``#/components/schemas/case``.  The endpoint reads the
raw body itself with :func:`civicspace.load_one`, so the issues a partner
gets back are civicspace's own (``civicspace.dump(issue)``), the same as
every other tool reports.  Run it with ``fastapi dev fastapi_endpoint.py``.
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

import civicspace

app = FastAPI(title="Case submissions")

CASE = civicspace.schema("case", openapi=True)


@app.post(
    "/cases",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/case"}}},
        }
    },
    responses={422: {"description": "The case is not valid: every issue, as civicspace.dump"}},
)
async def submit_case(request: Request) -> JSONResponse:
    """Accept one case record; 422 with every issue when it is not valid."""
    try:
        case = civicspace.load_one(await request.body(), record_type="case")
    except civicspace.ValidationError as error:
        issues = [civicspace.dump(issue) for issue in error.issues]
        return JSONResponse({"valid": False, "issues": issues}, status_code=422)
    return JSONResponse({"valid": True, "id": case.id})


def openapi() -> dict[str, Any]:
    """The app's OpenAPI description, with the case schema's components in it."""
    if app.openapi_schema is None:
        described = get_openapi(title=app.title, version=app.version, routes=app.routes)
        components = described.setdefault("components", {}).setdefault("schemas", {})
        components.update(CASE["components"]["schemas"])
        app.openapi_schema = described
    return app.openapi_schema


app.openapi = openapi  # type: ignore[method-assign]
