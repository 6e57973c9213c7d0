"""civicspace against its peers on one batch of case records, side by side in one run.

Run from the repository root, in a venv with the ``bench`` extra::

    python benchmarks/bench.py            # about a minute
    python benchmarks/bench.py --quick    # a few seconds, for development

Prints records per second for each path, civicspace's ratio to each peer,
the issue's targets met or missed, memory per loaded record, and the time of
``import civicspace`` and ``civicspace --help``.  Set ``CIVICSPACE_PURE=1``
to measure civicspace without its ``fast`` extra.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import orjson
from batch import build_batch, digest

import civicspace


def rate(run: Callable[[], object], count: int, seconds: float, repeats: int = 5) -> float:
    """Records per second: the best of ``repeats`` timings of ``run`` over ``count`` records."""
    loops = 1
    while True:  # calibrate: enough loops to take about seconds / repeats
        start = time.perf_counter()
        for _ in range(loops):
            run()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds / repeats / 4:
            break
        loops *= 2
    loops = max(1, int(loops * (seconds / repeats) / elapsed))
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            run()
        best = min(best, time.perf_counter() - start)
    return count * loops / best


def per_record_memory(load: Callable[[bytes], Any], batch: list[bytes]) -> tuple[float, float]:
    """Bytes held per loaded record, and the peak per record while loading the batch."""
    gc.collect()
    tracemalloc.start()
    loaded = [load(text) for text in batch]
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del loaded
    return held / len(batch), peak / len(batch)


def streaming_peak(batch: list[bytes], copies: int) -> tuple[int, int]:
    """Records read, and peak traced bytes, validating a JSON Lines file of ``copies`` batches.

    The file is read lazily by ``civicspace.validate_records``; a flat peak as the
    file grows is what "memory does not grow with the file" means.
    """
    with tempfile.TemporaryFile() as handle:
        for _ in range(copies):
            handle.writelines(text.strip() + b"\n" for text in batch)
        handle.seek(0)
        gc.collect()
        tracemalloc.start()
        records = sum(1 for _ in civicspace.validate_records(handle))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return records, peak


def command_time(args: list[str], runs: int) -> float:
    """Best wall time, in milliseconds, of running a command ``runs`` times."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _checked(valid: Callable[[bytes], bool], batch: list[bytes], name: str) -> None:
    refused = sum(1 for text in batch if not valid(text))
    if refused:
        raise SystemExit(f"{name} refuses {refused} of the batch's records: not comparable")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short timings, for development")
    parser.add_argument("--size", type=int, default=200, help="records in the batch")
    options = parser.parse_args()
    seconds = 0.3 if options.quick else 2.0
    runs = 3 if options.quick else 10

    batch = build_batch(options.size)
    count = len(batch)
    from civicspace._pipeline.fast import (
        verdict as _fast,  # the accelerator, when the fast extra is installed
    )

    accelerated = _fast.active()
    print(
        f"{datetime.date.today()} · Python {platform.python_version()} · {platform.machine()} · "
        f"{os.cpu_count()} cores · {platform.processor() or platform.platform()}"
    )
    mean = statistics.mean(map(len, batch))
    print(
        f"batch: {count} case records ({len(set(batch))} distinct), {mean:.0f} bytes each on "
        f"average, digest {digest(batch)}; civicspace fast path: "
        f"{'on' if accelerated else 'off'}"
    )

    import fastjsonschema
    from peers import (
        PCase,
        fastjsonschema_validator,
        jsonschema_rs_validator,
        jsonschema_validator,
        msgspec_decoder,
        msgspec_encoder,
    )

    rs = jsonschema_rs_validator()
    naive = jsonschema_validator()
    fjs = fastjsonschema_validator()

    def fjs_valid(text: bytes) -> bool:
        try:
            fjs(orjson.loads(text))
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    _checked(lambda text: not civicspace.validate(text), batch, "civicspace")
    _checked(lambda text: rs.is_valid(orjson.loads(text)), batch, "jsonschema-rs")
    _checked(lambda text: naive.is_valid(json.loads(text)), batch, "jsonschema")
    _checked(fjs_valid, batch, "fastjsonschema")
    objects = [civicspace.load(text) for text in batch]
    models = [PCase.model_validate_json(text) for text in batch]
    structs = [msgspec_decoder.decode(text) for text in batch]
    # Every path must read back what it wrote.
    assert [civicspace.load(json.dumps(civicspace.dump(o))) for o in objects] == objects
    assert [orjson.loads(m.model_dump_json(exclude_none=True)) for m in models] == [
        orjson.loads(text) for text in batch
    ]

    def each(work: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                work(item)

        return run

    def civicspace_dump(obj: Any) -> bytes:  # civicspace.dump gives JSON-ready values
        return json.dumps(civicspace.dump(obj), ensure_ascii=False).encode()

    def civicspace_dump_orjson(obj: Any) -> bytes:
        return orjson.dumps(civicspace.dump(obj))

    def pure(work: Callable[[Any], object]) -> Callable[[Any], object]:
        def run(item: Any) -> object:
            _fast.use_pure(True)
            try:
                return work(item)
            finally:
                _fast.use_pure(False)

        return run

    def rs_valid(text: bytes) -> bool:
        return bool(rs.is_valid(orjson.loads(text)))

    def naive_valid(text: bytes) -> bool:
        return bool(naive.is_valid(json.loads(text)))

    def pydantic_dump(model: Any) -> bytes:
        return bytes(model.model_dump_json(exclude_none=True).encode())

    VALIDATE, PURE = "civicspace validate (bytes to issues)", "civicspace validate, pure path"
    LOAD, DUMP = "civicspace load (bytes to frozen objects)", "civicspace dump + orjson.dumps"
    RS, NAIVE = "orjson.loads + jsonschema-rs is_valid", "json.loads + jsonschema (naive)"
    PYDANTIC_IN, PYDANTIC_OUT = "pydantic v2 model_validate_json", "pydantic v2 model_dump_json"
    paths: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        VALIDATE: (civicspace.validate, batch),
        PURE: (pure(civicspace.validate), batch),
        "orjson.loads alone (the floor)": (orjson.loads, batch),
        RS: (rs_valid, batch),
        "orjson.loads + fastjsonschema (draft-07 bundle)": (fjs_valid, batch),
        NAIVE: (naive_valid, batch),
        LOAD: (civicspace.load, batch),
        "civicspace load, pure path": (pure(civicspace.load), batch),
        PYDANTIC_IN: (PCase.model_validate_json, batch),
        "msgspec decode (bytes to typed objects)": (msgspec_decoder.decode, batch),
        DUMP: (civicspace_dump_orjson, objects),
        "civicspace dump + json.dumps": (civicspace_dump, objects),
        PYDANTIC_OUT: (pydantic_dump, models),
        "msgspec encode (objects to bytes)": (msgspec_encoder.encode, structs),
    }
    rates: dict[str, float] = {}
    width = max(map(len, paths))
    print(f"\n{'path':<{width}}  {'records/s':>10}")
    for name, (work, items) in paths.items():
        rates[name] = rate(each(work, items), count, seconds / 2 if name == NAIVE else seconds)
        print(f"{name:<{width}}  {rates[name]:>10,.0f}")

    print("\nratios, civicspace / peer (same run):")
    for mine, theirs in [
        (VALIDATE, RS),
        (VALIDATE, "orjson.loads alone (the floor)"),
        (VALIDATE, "orjson.loads + fastjsonschema (draft-07 bundle)"),
        (VALIDATE, NAIVE),
        (PURE, NAIVE),
        (LOAD, PYDANTIC_IN),
        (LOAD, "msgspec decode (bytes to typed objects)"),
        (DUMP, PYDANTIC_OUT),
        (DUMP, "msgspec encode (objects to bytes)"),
    ]:
        print(f"  {mine} / {theirs}: {rates[mine] / rates[theirs]:.3f}")

    print("\nmemory per loaded record (tracemalloc: held after loading the batch / peak):")
    memory = {
        "civicspace load": per_record_memory(civicspace.load, batch),
        "pydantic v2": per_record_memory(PCase.model_validate_json, batch),
        "msgspec": per_record_memory(msgspec_decoder.decode, batch),
        "orjson.loads (dicts)": per_record_memory(orjson.loads, batch),
    }
    for name, (held, peak) in memory.items():
        print(f"  {name:<22} {held:>9,.0f} B held  {peak:>9,.0f} B peak")

    print("\nstreaming validate_records over a JSON Lines file (peak traced memory):")
    for copies in (1, 10):
        records, peak = streaming_peak(batch, copies)
        print(f"  {records:>7,} records: {peak / 1024:>8,.0f} KiB peak")

    python = sys.executable
    imports = command_time([python, "-c", "import civicspace"], runs)
    bare = command_time([python, "-c", "pass"], runs)
    helps = command_time([python, "-m", "civicspace", "--help"], runs)
    print(
        f"\nimport civicspace: {imports:.0f} ms (interpreter start alone {bare:.0f} ms); "
        f"civicspace --help: {helps:.0f} ms (best of {runs})"
    )

    targets = [
        ("validate >= 0.8 x orjson + jsonschema-rs (fast)", rates[VALIDATE] / rates[RS], 0.8),
        ("validate >= 10 x naive jsonschema (pure path)", rates[PURE] / rates[NAIVE], 10.0),
        ("load >= 1.0 x pydantic model_validate_json", rates[LOAD] / rates[PYDANTIC_IN], 1.0),
        ("dump >= 1.0 x pydantic model_dump_json", rates[DUMP] / rates[PYDANTIC_OUT], 1.0),
        (
            "memory per case <= pydantic's (pydantic / civicspace)",
            memory["pydantic v2"][0] / memory["civicspace load"][0],
            1.0,
        ),
        ("import civicspace < 150 ms (150 / measured)", 150 / imports, 1.0),
        ("civicspace --help < 300 ms (300 / measured)", 300 / helps, 1.0),
    ]
    print("\ntargets, as a ratio that must reach the figure on the right:")
    for label, ratio, needed in targets:
        verdict = "met" if ratio >= needed else "NOT met"
        print(f"  {label:<55} {ratio:7.2f} >= {needed:<4}  {verdict}")
    if not accelerated:
        print("  (the fast extra is not installed or CIVICSPACE_PURE is set: the first target")
        print("   measures the pure path)")


if __name__ == "__main__":
    main()
