"""Older Pillow saving, for the rows of ``_changes`` that concern ``imsave`` and ``toimage(...).save``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from PIL import Image


def unknown_extension_key_error(reference: Any, extension: str) -> Exception:
    """Pillow < 4.1 looked the extension up in its table and let the KeyError out."""
    return KeyError(extension)


def rgba_jpeg_without_alpha(reference: Any, image: Image.Image, params: Dict[str, Any]) -> Optional[bytes]:
    """Pillow < 4.2 wrote RGBA as JPEG by dropping the alpha band (the colour bands as they are)."""
    if image.mode != "RGBA":
        return None
    return reference.encoded_jpeg(image.convert("RGB"), params)


__all__ = ["unknown_extension_key_error", "rgba_jpeg_without_alpha"]
