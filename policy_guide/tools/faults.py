"""Fault points, for the tests that prove a publish or export stopped at any moment loses
nothing (tests/publishing/test_faults.py): POLICY_GUIDE_FAULT=<point> kills the process at
that point, as a power cut would. Unset, a fault point does nothing."""

from __future__ import annotations

import os
import signal


def fault(point: str) -> None:
    if os.environ.get("POLICY_GUIDE_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
