"""The machine's own parallel ceiling, measured beside a speed-up (shared by bench_scale.py
and bench_pdf.py): ``n`` copies of a CPU-bound Python loop at once against one copy."""
from __future__ import annotations

import subprocess
import sys
import time

SPIN = "d = {}\nfor i in range(3_000_000):\n    d[i % 1000] = str(i)\n"


def spin_wall(n: int) -> float:
    """Seconds for ``n`` copies of a CPU-bound Python loop run at once. One copy against
    ``n`` copies is the most ``n`` processes can gain on this machine at that moment (shared
    or hyper-threaded cores give less than ``n``)."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
    for p in procs:
        p.wait()
    return time.perf_counter() - t0
