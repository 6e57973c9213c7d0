"""The data flow from bytes to model objects and back.

documents (tell a document from JSON Lines) -> parse (strict JSON) ->
schemas and validation (schema issues with paths and codes) -> convert and
structure (values to model objects) -> dump; fast holds the generated
functions and the optional accelerators; codes lists every issue code.
"""
