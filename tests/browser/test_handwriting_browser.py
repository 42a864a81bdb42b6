"""Handwriting on the Softmax page's canvas (#15): each digit 0–9 drawn with the mouse as simple
strokes, read by the page's default model (MNIST's 5,000 digits of 28×28, trained with the
page's default settings) after the drawing is prepared as MNIST's digits were. At least 8 of
the 10 must be recognised; what was read, and with what probability, is printed."""

import math
import re

import pytest
from browserkit import assert_no_error, open_tab, screenshot, wait_idle, wait_plots

pytestmark = pytest.mark.browser


def ellipse(cx, cy, rx, ry, start=0.0, turn=1.0, n=36):
    """Points of an ellipse (or an arc of ``turn`` turns from angle ``start``), clockwise."""
    return [
        (cx + rx * math.cos(start + 2 * math.pi * turn * i / n),
         cy + ry * math.sin(start + 2 * math.pi * turn * i / n))
        for i in range(n + 1)
    ]  # fmt: skip


# Each digit: strokes, each a list of points (x, y) in the canvas as fractions of its side.
DIGITS = {
    0: [ellipse(0.5, 0.5, 0.2, 0.32)],
    1: [[(0.5, 0.15), (0.5, 0.85)]],
    2: [[(0.3, 0.3), (0.38, 0.18), (0.5, 0.15), (0.62, 0.18), (0.68, 0.3), (0.62, 0.45),
         (0.3, 0.85), (0.72, 0.85)]],
    3: [[(0.3, 0.2), (0.45, 0.15), (0.62, 0.2), (0.65, 0.32), (0.5, 0.48), (0.65, 0.6),
         (0.68, 0.72), (0.55, 0.85), (0.3, 0.8)]],
    4: [[(0.35, 0.15), (0.32, 0.55), (0.7, 0.55)], [(0.62, 0.15), (0.62, 0.85)]],
    5: [[(0.68, 0.15), (0.35, 0.15), (0.32, 0.45), (0.5, 0.42), (0.65, 0.5), (0.68, 0.65),
         (0.6, 0.8), (0.45, 0.85), (0.3, 0.8)]],
    6: [[(0.62, 0.15), (0.45, 0.3), (0.33, 0.55), (0.35, 0.75), (0.5, 0.85), (0.65, 0.75),
         (0.66, 0.6), (0.52, 0.5), (0.38, 0.58)]],
    7: [[(0.3, 0.15), (0.7, 0.15), (0.45, 0.85)]],
    8: [[(0.5 + 0.18 * math.sin(2 * t), 0.5 - 0.34 * math.cos(t))
         for t in (2 * math.pi * i / 48 for i in range(49))]],
    9: [ellipse(0.5, 0.33, 0.16, 0.17, start=0.0, turn=-1.0), [(0.66, 0.33), (0.62, 0.85)]],
}  # fmt: skip

READ = re.compile(r"The model sees a (\d) \(probability ([\d.]+)%\)")


def draw(page, box, strokes) -> None:
    """Each stroke with the mouse: press, move in short segments (~4 px), release."""
    for stroke in strokes:
        points = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in stroke]
        page.mouse.move(*points[0])
        page.mouse.down()
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 4))
            page.mouse.move(x1, y1, steps=steps)
        page.mouse.up()
        wait_idle(page)


def main_text(page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def test_ten_drawn_digits_are_read_by_the_default_model(fresh_server, open_page):
    page = open_page(f"{fresh_server}/Softmax?lang=en")
    open_tab(page, "Mistakes & drawing")
    wait_plots(page, 1)
    canvas = page.locator("canvas[aria-label='digit canvas']")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    read = {}
    for digit, strokes in DIGITS.items():
        draw(page, canvas.bounding_box() or box, strokes)
        page.wait_for_function(
            "() => document.querySelector('[data-testid=stMain]').innerText"
            ".includes('The model sees a')"
        )
        wait_idle(page)
        found = READ.search(main_text(page))
        assert found, main_text(page)[-500:]
        read[digit] = (int(found.group(1)), float(found.group(2)))
        assert_no_error(page)
        screenshot(page, f"handwriting_{digit}")
        page.locator("div.dlviz-draw button").click()  # ⟲ clears the canvas
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=stMain]').innerText"
            ".includes('The model sees a')"
        )
        wait_idle(page)
    right = [d for d, (k, _) in read.items() if k == d]
    print("\ndrawn → read (probability):")
    for digit, (k, p) in read.items():
        print(f"  {digit} → {k} ({p:.1f} %){'' if k == digit else '  ✗'}")
    print(f"recognised: {len(right)} of 10")
    assert len(right) >= 8, read
