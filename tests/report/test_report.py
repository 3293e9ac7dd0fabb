"""The HTML report (issue 15), looked at the way a person would: opened in headless Chromium, photographed,
and its charts counted against the tables they draw. Skipped, with the reason, where no Chromium can start."""
from __future__ import annotations

import csv
import io
import sys

import pytest
from PIL import Image

from pipeline.report.browser import BrowserUnavailable, headless_chromium
from pipeline.report.build import write_report
from pipeline.report.charts import NETWORK_LEADERS
from pipeline.report.pictures import open_rendered
from pipeline.run import run
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_news import NewsWriter, load_vocabulary, write_documents  # noqa: E402

CHARTS = ("timeline", "network", "map", "countries")


@pytest.fixture(scope="module")
def browser():
    try:
        with headless_chromium() as started:
            yield started
    except BrowserUnavailable as error:
        pytest.skip(f"no headless Chromium here: {error}")


def read(path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def expected_counts(out) -> dict[str, int]:
    """What the charts must show, counted from the CSV files (not from the report's code)."""
    participants, events = read(out / "participants.csv"), read(out / "events.csv")
    leaders = {row["name"] for row in participants}
    places = {(row["location"], row["location_country"], row["latitude"], row["longitude"])
              for row in events if row["latitude"]}
    dated = {row["event_id"] for row in events if row["date"]}
    return {"nodes": min(len(leaders), NETWORK_LEADERS), "places": len(places),
            "timeline": sum(row["event_id"] in dated for row in participants), "leaders": len(leaders),
            "events": len(events)}


def distinct_colours(png: bytes) -> int:
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


def look_at(browser, out, tmp_path, name: str):
    """Open the report; a full-page screenshot (kept for a person to look at) and the page."""
    page, errors = open_rendered(browser, out / "report.html")
    assert page.evaluate("document.body.dataset.rendered") == "yes", errors
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    return page, errors


def points(page, chart: str, selector: str) -> int:
    return page.evaluate(f"document.querySelectorAll('#chart-{chart} {selector}').length")


@pytest.fixture(scope="module")
def sample_report(browser, tmp_path_factory, project_settings, rule_pipeline):
    out = tmp_path_factory.mktemp("report") / "out"
    run(project_settings, [project_settings.corpus_dir], out, choice=rule_pipeline, show_progress=False)
    return out, write_report(out, out, project_settings.models_dir, browser=browser)


def test_sample_report_renders_every_chart_without_errors(browser, sample_report, tmp_path):
    out, _ = sample_report
    page, errors = look_at(browser, out, tmp_path, "sample")
    expected = expected_counts(out)
    assert errors == []
    assert points(page, "network", ".scatterlayer .trace:last-child .point") == expected["nodes"]
    assert points(page, "map", ".scattergeo .point") == expected["places"]
    assert points(page, "timeline", ".scatterlayer .point") == expected["timeline"]  # fewer leaders than rows
    assert points(page, "countries", ".heatmaplayer image, .heatmaplayer .hm") >= 1
    assert page.evaluate("document.querySelectorAll('#meetings tbody tr').length") == expected["events"]
    for chart in CHARTS:
        shot = page.locator(f"#chart-{chart}").screenshot()
        assert distinct_colours(shot) > 20, f"{chart} looks blank"


def test_report_writes_every_chart_as_a_picture(browser, sample_report):
    out, result = sample_report
    assert result.note == "" and [path.name for path in result.pictures] == [f"{chart}.png" for chart in CHARTS]
    for path in result.pictures:
        assert distinct_colours(path.read_bytes()) > 20, f"{path.name} looks blank"


def test_a_click_on_a_leader_filters_the_table_to_that_leader(browser, sample_report):
    out, _ = sample_report
    page, _ = open_rendered(browser, out / "report.html")
    page.fill("#search", "Medvedev")
    rows = page.evaluate("[...document.querySelectorAll('#meetings tbody tr')].map(r => r.cells[1].textContent)")
    expected = [row for row in read(out / "events.csv") if "Medvedev" in row["participants"]]
    assert len(rows) == len(expected) >= 1 and all("Medvedev" in row for row in rows)


def test_news_text_cannot_inject_markup_into_the_page(browser, tmp_path, project_settings, rule_pipeline):
    (tmp_path / "in").mkdir()
    hostile = "Poetin en Kim Jong-un ontmoetten elkaar donderdag in Vladivostok </script><img src=x onerror=alert(1)> ."
    (tmp_path / "in" / "a.txt").write_text(f" date 2019-04-26 \n{hostile}\n", encoding="utf-8")
    run(project_settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline, show_progress=False)
    write_report(tmp_path / "out", tmp_path / "out", project_settings.models_dir, pictures=False)
    dialogs = []
    page, errors = open_rendered(browser, tmp_path / "out" / "report.html")
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    evidence = read(tmp_path / "out" / "events.csv")[0]["evidence"]
    assert "</script><img" in evidence  # the markup reached the page's data
    assert page.evaluate("document.querySelector('#meetings td.evidence').textContent") == evidence
    assert page.evaluate("document.querySelectorAll('img').length") == 0 and dialogs == [] and errors == []


def test_report_of_two_thousand_synthetic_articles(browser, tmp_path_factory, project_settings, rule_pipeline):
    base = tmp_path_factory.mktemp("synthetic")
    (base / "in").mkdir()
    write_documents(base / "in", 2_000, NewsWriter(load_vocabulary(project_settings.models_dir), seed=11))
    run(project_settings, [base / "in"], base / "out", choice=rule_pipeline, show_progress=False)
    write_report(base / "out", base / "out", project_settings.models_dir, pictures=False)
    page, errors = look_at(browser, base / "out", base, "synthetic")
    expected = expected_counts(base / "out")
    assert errors == [] and expected["leaders"] > NETWORK_LEADERS
    assert points(page, "network", ".scatterlayer .trace:last-child .point") == NETWORK_LEADERS
    assert points(page, "map", ".scattergeo .point") == expected["places"] > 100
    assert page.evaluate("document.getElementById('shown').textContent") == \
        f"{expected['events']} meetings, first 500 shown"
