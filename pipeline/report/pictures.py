"""The report's charts as PNG files for slides: each chart as the page draws it, photographed in headless
Chromium. The browser draws them exactly as an analyst sees them, so the pictures need no second renderer."""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from pipeline.report.browser import headless_chromium

RENDER_TIMEOUT_MS = 120_000


def open_rendered(browser, page_path: Path, width: int = 1280):
    """A browser page with the report loaded and every chart drawn; (page, console errors so far)."""
    errors: list[str] = []
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.resolve().as_uri())
    page.wait_for_function("document.body.dataset.rendered !== undefined", timeout=RENDER_TIMEOUT_MS)
    return page, errors


def write_pictures(page_path: Path, folder: Path, names: list[str], browser=None) -> list[Path]:
    """`<name>.png` in `folder` for every chart, in `browser` or a headless Chromium of its own;
    BrowserUnavailable when none can be started."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with nullcontext(browser) if browser is not None else headless_chromium() as browser:
        page, errors = open_rendered(browser, page_path)
        if page.evaluate("document.body.dataset.rendered") != "yes":
            raise RuntimeError(f"the charts did not render: {'; '.join(errors) or 'no message'}")
        for name in names:
            path = folder / f"{name}.png"
            page.locator(f"#chart-{name}").screenshot(path=str(path))
            written.append(path)
    return written
