#!/usr/bin/env python3
"""Draws the workstation's icons with ImageMagick on a 128 px canvas and scales each to 16 px and 32 px (@2x),
so they stay sharp on HiDPI screens. Run from the repository root; writes bundles/org.ledgerport.ui/icons/."""
import os
import subprocess

OUT = "bundles/org.ledgerport.ui/icons"
GREEN, RED, AMBER, BLUE, GREY, INK, TEAL = "#2e7d32", "#c62828", "#f9a825", "#1565c0", "#78909c", "#37474f", "#00838f"


def badge(colour, *marks):
    return [f"fill {colour} stroke none circle 64,64 64,8"] + list(marks)


def stroke(colour, width, path):
    return f"fill none stroke {colour} stroke-width {width} stroke-linecap round stroke-linejoin round path '{path}'"


def page(colour=INK, fold=True):
    shapes = [f"fill white stroke {colour} stroke-width 8 path 'M28 10 L84 10 L104 30 L104 118 L28 118 Z'"]
    if fold:
        shapes.append(f"fill {colour} stroke none path 'M84 10 L104 30 L84 30 Z'")
    return shapes


def lines(colour=GREY):
    return [stroke(colour, 8, "M44 56 L88 56"), stroke(colour, 8, "M44 76 L88 76"), stroke(colour, 8, "M44 96 L72 96")]


ICONS = {
    "exported": badge(GREEN, stroke("white", 16, "M36 66 L56 86 L94 44")),
    "checked": badge(BLUE, stroke("white", 16, "M36 66 L56 86 L94 44")),
    "failed": badge(RED, stroke("white", 16, "M42 42 L86 86"), stroke("white", 16, "M86 42 L42 86")),
    "error": badge(RED, stroke("white", 16, "M64 32 L64 72"), "fill white stroke none circle 64,94 64,104"),
    "warning": [f"fill {AMBER} stroke none path 'M64 8 L124 116 L4 116 Z'", stroke(INK, 14, "M64 44 L64 80"),
                f"fill {INK} stroke none circle 64,100 64,108"],
    "info": badge(BLUE, "fill white stroke none circle 64,36 64,46", stroke("white", 16, "M64 60 L64 98")),
    "skipped": badge(GREY, stroke("white", 16, "M40 64 L88 64")),
    "unconfirmed": badge(AMBER, stroke(INK, 14, "M48 48 Q48 30 64 30 Q82 30 82 48 Q82 62 64 66 L64 78"),
                         f"fill {INK} stroke none circle 64,98 64,106"),
    "ready": badge(TEAL, stroke("white", 14, "M36 64 L88 64"), stroke("white", 14, "M68 42 L90 64 L68 86")),
    "draft": page(GREY) + [stroke(AMBER, 12, "M46 100 L92 54")],
    "finalized": page(BLUE) + lines(BLUE),
    "invoice": page() + lines(),
    "connection": [stroke(TEAL, 14, "M20 64 L44 64"), stroke(TEAL, 14, "M84 64 L108 64"),
                   f"fill {TEAL} stroke none roundrectangle 40,36 64,92 8,8",
                   f"fill {TEAL} stroke none roundrectangle 66,36 90,92 8,8"],
    "reconnect-needed": [stroke(RED, 14, "M14 64 L40 64"), stroke(RED, 14, "M88 64 L114 64"),
                         f"fill {RED} stroke none roundrectangle 36,36 58,92 8,8",
                         f"fill {RED} stroke none roundrectangle 70,36 92,92 8,8", stroke(INK, 8, "M64 20 L64 108")],
    "export": page() + [stroke(GREEN, 14, "M54 74 L112 74"), stroke(GREEN, 14, "M92 54 L114 74 L92 94")],
    "check": page() + [stroke(BLUE, 14, "M44 76 L60 92 L92 54")],
    "refresh": [stroke(BLUE, 14, "M100 64 A36 36 0 1 1 86 36"), f"fill {BLUE} stroke none path 'M72 14 L108 22 L92 52 Z'"],
    "open": [f"fill {AMBER} stroke {INK} stroke-width 6 path 'M10 30 L50 30 L58 40 L118 40 L118 110 L10 110 Z'"],
    "copy": [f"fill white stroke {GREY} stroke-width 8 rectangle 14,14 78,90",
             f"fill white stroke {INK} stroke-width 8 rectangle 46,38 110,114"],
    "csv": page(GREEN) + [stroke(GREEN, 6, "M40 52 L92 52"), stroke(GREEN, 6, "M40 72 L92 72"),
                          stroke(GREEN, 6, "M40 92 L92 92"), stroke(GREEN, 6, "M64 40 L64 104")],
    "add": badge(GREEN, stroke("white", 16, "M64 36 L64 92"), stroke("white", 16, "M36 64 L92 64")),
    "edit": [stroke(INK, 22, "M30 98 L92 36"), stroke(AMBER, 14, "M30 98 L92 36"), f"fill {INK} stroke none path 'M18 110 L24 90 L38 104 Z'"],
    "remove": badge(RED, stroke("white", 16, "M36 64 L92 64")),
    "queued": badge(AMBER, stroke(INK, 12, "M64 30 L64 66 L88 80")),
    "refresh-status": [stroke(GREEN, 14, "M100 64 A36 36 0 1 1 86 36"), f"fill {GREEN} stroke none path 'M72 14 L108 22 L92 52 Z'",
                       stroke(GREEN, 12, "M46 66 L60 80 L84 52")],
    "user": [f"fill {BLUE} stroke none circle 64,40 64,16",
             f"fill {BLUE} stroke none path 'M20 120 Q20 70 64 70 Q108 70 108 120 Z'"],
}


def draw(name, shapes, size, canvas=128):
    target = os.path.join(OUT, name + ("@2x" if size == 32 else "") + ".png")
    args = ["convert", "-size", f"{canvas}x{canvas}", "xc:none"]
    for shape in shapes:
        args += ["-draw", shape]
    args += ["-filter", "Lanczos", "-resize", f"{size}x{size}", "-strip", target]
    subprocess.run(args, check=True)


def banner(size):
    """The wizard's banner: a connection between an invoice and a ledger, 75x66 (150x132 @2x)."""
    target = os.path.join(OUT, "wizard-banner" + ("@2x" if size == 2 else "") + ".png")
    shapes = ["fill white stroke #37474f stroke-width 6 path 'M20 22 L70 22 L86 38 L86 128 L20 128 Z'",
              "fill #1565c0 stroke none rectangle 34,52 72,60", "fill #1565c0 stroke none rectangle 34,72 72,80",
              "fill #1565c0 stroke none rectangle 34,92 60,100",
              stroke(TEAL, 10, "M92 76 L132 76"), stroke(TEAL, 10, "M116 60 L134 76 L116 92"),
              "fill #e0f2f1 stroke #00838f stroke-width 6 roundrectangle 140,40 200,112 8,8",
              stroke(TEAL, 6, "M152 60 L188 60"), stroke(TEAL, 6, "M152 76 L188 76"), stroke(TEAL, 6, "M152 92 L176 92")]
    args = ["convert", "-size", "220x160", "xc:none"]
    for shape in shapes:
        args += ["-draw", shape]
    args += ["-filter", "Lanczos", "-resize", f"{75 * size}x{66 * size}!", "-strip", target]
    subprocess.run(args, check=True)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for icon, drawing in ICONS.items():
        draw(icon, drawing, 16)
        draw(icon, drawing, 32)
    banner(1)
    banner(2)
