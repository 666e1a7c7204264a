#!/usr/bin/env python3
"""Cuts one face out of a TrueType collection (.ttc) into a plain .ttf.

PDFsharp 6.2 throws on a .ttc, and Debian ships WenQuanYi Micro Hei only as one, so the portal
carries face 0 as wqy-microhei.ttf. Made with:
    python3 cut-ttc.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 wqy-microhei.ttf
"""
import struct
import sys


def checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def cut(source: bytes, face: int) -> bytes:
    tag, _version, count = struct.unpack(">4sLL", source[:12])
    if tag != b"ttcf" or face >= count:
        raise SystemExit("not a collection, or no such face")
    start = struct.unpack(">L", source[12 + 4 * face:16 + 4 * face])[0]
    sfnt, tables, search, selector, shift = struct.unpack(">LHHHH", source[start:start + 12])
    records = [struct.unpack(">4sLLL", source[start + 12 + 16 * i:start + 28 + 16 * i]) for i in range(tables)]
    offset = 12 + 16 * tables
    header, body = bytearray(struct.pack(">LHHHH", sfnt, tables, search, selector, shift)), bytearray()
    head_at = None
    for name, _sum, at, length in records:
        data = bytearray(source[at:at + length])
        if name == b"head":
            data[8:12] = b"\0\0\0\0"  # checkSumAdjustment is recomputed over the whole file below
            head_at = offset + len(body)
        header += struct.pack(">4sLLL", name, checksum(bytes(data)), offset + len(body), length)
        body += data + b"\0" * (-len(data) % 4)
    font = header + body
    if head_at is not None:
        font[head_at + 8:head_at + 12] = struct.pack(">L", (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        result = cut(f.read(), int(sys.argv[2]))
    with open(sys.argv[3], "wb") as f:
        f.write(result)
