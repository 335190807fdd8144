#!/usr/bin/python3
"""otf2ttf.py makes the TrueType copies of the bundled Noto Sans SC that the
printed documents embed (ui/paper): PDF writers in Go embed TrueType
outlines only, and the desk's font has CFF (PostScript) outlines.

    python3 scripts/otf2ttf.py assets/fonts/NotoSansSC-Regular.otf assets/fonts/NotoSansSC-Regular.ttf

Needs fontTools (Debian: python3-fonttools). The glyphs, metrics and
character map stay those of the OTF; only the outlines become quadratic
curves (cu2qu, within 1 unit of 1000). The SIL OFL allows this; the copy
keeps the font's name and licence (assets/fonts/OFL.txt).
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units


def convert(src, dst):
    font = TTFont(src)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: the CID names are of no use
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: otf2ttf.py IN.otf OUT.ttf")
    convert(sys.argv[1], sys.argv[2])
