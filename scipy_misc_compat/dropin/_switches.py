"""Opt-in switches: off unless a call switches them on, or, while no call has, an environment variable."""

from __future__ import annotations

import os
import threading
from typing import Optional

_TRUE = ("1", "true", "yes", "on")


class OptInSwitch:
    """``set(True/False)`` decides; ``set(None)`` (the start) defers to the environment variable ``variable``,
    read at every check, so it can change while a process runs."""

    def __init__(self, variable: str) -> None:
        self.variable = variable
        self._setting: Optional[bool] = None
        self._lock = threading.Lock()

    def set(self, enabled: Optional[bool]) -> None:
        with self._lock:
            self._setting = enabled

    def is_on(self) -> bool:
        setting = self._setting
        if setting is None:
            return os.environ.get(self.variable, "").strip().lower() in _TRUE
        return bool(setting)


__all__ = ["OptInSwitch"]
