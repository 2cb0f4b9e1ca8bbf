"""numpy-financial's irr on the bench's cash flows: answer and median time per call.

Reads JSON from stdin: {"cases": [{"name", "values": [float...], "repeat": int}]}; writes JSON:
{"versions": {...}, "env": {...}, "cases": [{"name", "answer": float | null, "status",
"medianUs", "calls"}]}. Run by bench/bench.mjs inside .venv-bench (pinned numpy, numpy-financial).
"""
import json
import math
import os
import statistics
import sys
import timeit

import numpy as np
import numpy_financial as npf


def main():
    spec = json.load(sys.stdin)
    out = []
    for case in spec["cases"]:
        values = np.array(case["values"], dtype=float)
        status = "ok"
        try:
            answer = float(npf.irr(values))
        except Exception as e:  # a peer that raises counts as no answer
            answer, status = float("nan"), f"raised {type(e).__name__}: {e}"
        timer = timeit.Timer(lambda: npf.irr(values))
        timer.timeit(number=1)  # warm-up
        repeat = max(1, int(case.get("repeat", 15)))
        try:
            times = timer.repeat(repeat=repeat, number=1)
        except Exception:
            times = [float("nan")]
        out.append({
            "name": case["name"],
            "answer": answer if math.isfinite(answer) else None,
            "status": status,
            "medianUs": statistics.median(times) * 1e6,
            "calls": len(times),
        })
    json.dump({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "numpy_financial": npf.__version__},
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
        "cases": out,
    }, sys.stdout)


if __name__ == "__main__":
    main()
