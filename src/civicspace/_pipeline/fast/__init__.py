"""The fast path: schema verdicts from compiled or accelerated validators.

Also the generated structure and dump functions.
"""
