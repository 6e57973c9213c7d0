"""The fast path: schema verdicts from compiled or accelerated validators, generated structure and dump functions."""
