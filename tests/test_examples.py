"""The example pipeline in examples/ runs and keeps the canonical 16-bit story true."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_legacy_pipeline_example_runs(tmp_path):
    completed = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "legacy_pipeline.py"), str(tmp_path)],
                               capture_output=True, text=True, check=True)
    assert "16-bit round trip: int32 equal: True" in completed.stdout
    assert (tmp_path / "depth16.png").exists() and (tmp_path / "counts.png").exists()
