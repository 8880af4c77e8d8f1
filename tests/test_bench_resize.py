"""The Pillow-SIMD comparison's plumbing (``benchmarks/bench_resize.py --pillow-simd``).

Timing itself is not tested (timings are noisy; the benchmark prints ratios). What is: the timer
that runs in the other venv answers its two requests, and the benchmark refuses a venv whose
Pillow is not Pillow-SIMD instead of comparing Pillow with itself.
"""

import json
import os
import subprocess
import sys

import PIL

BENCHMARKS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")


def test_pillow_timer_describes_its_pillow_and_times_a_resize():
    requests = [{"describe": True},
                {"shape": [40, 60, 3], "seed": 1, "size": [30, 20], "resample": 2, "repeat": 2}]
    completed = subprocess.run([sys.executable, os.path.join(BENCHMARKS, "pillow_timer.py")],
                               input="".join(json.dumps(r) + "\n" for r in requests), capture_output=True,
                               text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    described, timed = (json.loads(line) for line in completed.stdout.splitlines())
    assert described["pillow"] == PIL.__version__
    assert described["distribution"] == "Pillow"
    assert 0 < timed["seconds"] < 10


def test_bench_resize_refuses_a_venv_without_pillow_simd():
    completed = subprocess.run([sys.executable, os.path.join(BENCHMARKS, "bench_resize.py"), "--pillow-simd",
                                sys.executable, "--size", "16"], capture_output=True, text=True, timeout=300,
                               cwd=BENCHMARKS)
    assert completed.returncode == 1
    assert "has Pillow %s, not Pillow-SIMD" % PIL.__version__ in completed.stderr
