"""A small PNG drawn in pure Python: the sandbox bot's icon, served over HTTP."""

import struct
import zlib


def bot_icon_png(size: int = 96) -> bytes:
    """Return a PNG of a violet disc with a white speech dot, ``size`` pixels square."""
    rows = []
    centre = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            d = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5
            dot = ((x - centre) ** 2 + (y - centre * 0.9) ** 2) ** 0.5
            if dot < size * 0.18:
                row += bytes((255, 255, 255, 255))
            elif d < size / 2:
                row += bytes((0x73, 0x60, 0xF2, 255))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
