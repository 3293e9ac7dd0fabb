"""`summits report`: read a run's output folder, write report.html and the charts as PNG files."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.export.tables import atomic_open
from pipeline.report.browser import BrowserUnavailable
from pipeline.report.charts import CHARTS
from pipeline.report.data import load_report_data
from pipeline.report.page import render_page
from pipeline.report.pictures import write_pictures

REPORT_NAME = "report.html"
PICTURES_FOLDER = "charts"


@dataclass
class ReportResult:
    page: Path
    pictures: list[Path] = field(default_factory=list)
    note: str = ""  # why there are no pictures, when there are none


def write_report(folder: Path, out: Path, models_dir: Path, pictures: bool = True, browser=None) -> ReportResult:
    """report.html in `out` from the run in `folder`, and charts/*.png unless `pictures` is false (in `browser`
    when one is running already); ReportInputError when `folder` holds no run."""
    data = load_report_data(folder)
    world = json.loads((models_dir / "report" / "world_110m.json").read_text(encoding="utf-8"))
    figures = [(name, make(data)) for name, make in CHARTS]
    page = out / REPORT_NAME
    with atomic_open(page) as stream:
        stream.write(render_page(data, figures, world))
    result = ReportResult(page)
    if pictures:
        try:
            result.pictures = write_pictures(page, out / PICTURES_FOLDER, [name for name, _ in figures], browser)
        except BrowserUnavailable as error:
            result.note = f"charts not saved as PNG: {error}"
    return result
