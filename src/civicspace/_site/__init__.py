"""Charts and a static site for a collection: the ``site`` extra (matplotlib, Jinja2).

Nothing here is imported by the core; :mod:`civicspace.charts` and
:mod:`civicspace.site` import it when called, after :func:`_extra.require`
has said whether the extra is installed.
"""
