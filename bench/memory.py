"""Peak memory of the running program, for the probes the benchmark starts."""

from __future__ import annotations

import resource


def peak_mb() -> float:
    """This process's peak memory. Linux's VmHWM belongs to the program now running; getrusage's maxrss
    would still count the benchmark process this one was started from."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
