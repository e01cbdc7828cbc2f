"""QR codes drawn locally (no network) as SVG, for kiosk hand-off and printed labels."""

from __future__ import annotations

import qrcode
import qrcode.image.svg


def deep_link(base_url: str, honoree_id: str) -> str:
    """The online hall's address of one honoree's page."""
    return f"{base_url.rstrip('/')}/honoree?id={honoree_id}"


def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (error correction M: still reads with a smudge on the glass)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=10)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")
