"""The report page: one HTML file that opens without a network.

plotly.js and the world map are embedded once; the meetings table is drawn by a few lines of script from
JSON embedded in the page, with filters (text, status, year, country). A click on a chart point filters the
table to that meeting or leader, whose row shows the evidence sentence and links to every source. Text from
the news is set as text, never as markup, so an article cannot inject anything into the page.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from pipeline.report.data import ReportData

PAGE_TITLE = "Summits: meetings between world leaders"


def _json_for_script(value: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _source_link(row) -> dict:
    """A mention's source: its url when the feed gave one, else the input file (a file: link when it is found
    from here: paths are as the run was given them)."""
    url = row.url if row.url.startswith(("http://", "https://")) else ""
    path = row.source_path
    if not url and path:
        file_path = Path(path.rsplit(":", 1)[0] if path.rsplit(":", 1)[-1].isdigit() else path)
        url = file_path.resolve().as_uri() if file_path.is_file() else ""
    return {"doc": row.doc_id, "label": row.outlet or path or row.doc_id, "href": url, "title": row.title,
            "published": row.published, "evidence": row.evidence}


def table_rows(data: ReportData) -> list[dict]:
    """One entry per meeting for the page's table, with its sources."""
    sources: dict[str, list[dict]] = {}
    for row in data.mentions.itertuples():
        sources.setdefault(row.event_id, []).append(_source_link(row))
    countries = data.participants.groupby("event_id")["country"].agg(lambda c: sorted({x for x in c if x}))
    rows = []
    for event in data.events.itertuples():
        rows.append({"id": event.event_id, "date": event.date, "precision": event.date_precision,
                     "participants": event.participants, "countries": countries.get(event.event_id, []),
                     "place": event.location, "country": event.location_country,
                     "status": event.status, "evidence": event.evidence,
                     "mentions": int(event.n_mentions), "sources": sources.get(event.event_id, [])})
    rows.sort(key=lambda row: (row["date"] != "", row["date"], row["id"]), reverse=True)  # newest first, undated last
    return rows


def _summary(data: ReportData) -> str:
    events = data.events
    held = int((events["status"] == "occurred").sum())
    leaders = data.participants["name"].nunique()
    years = events["year"].dropna()
    span = f"{years.min()}–{years.max()}" if len(years) else "no dates"
    return (f"{len(events):,} meetings ({held:,} held, {len(events) - held:,} planned) of {leaders:,} leaders, "
            f"{span}, from {data.mentions['doc_id'].nunique():,} articles ({len(data.mentions):,} reports).")


def render_page(data: ReportData, figures: list[tuple[str, go.Figure]], world: dict) -> str:
    charts = "\n".join(
        f'<section class="chart"><div id="chart-{name}" class="plot" data-chart="{name}"></div></section>'
        for name, _ in figures)
    specs = {name: json.loads(figure.to_json()) for name, figure in figures}
    return _TEMPLATE.format(
        title=html.escape(PAGE_TITLE), summary=html.escape(_summary(data)),
        folder=html.escape(str(data.folder)), generated=html.escape(pd.Timestamp.now().strftime("%Y-%m-%d %H:%M")),
        charts=charts, plotlyjs=get_plotlyjs(), world=_json_for_script(world), specs=_json_for_script(specs),
        rows=_json_for_script(table_rows(data)), script=_SCRIPT, style=_STYLE)


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px;
       padding: 16px 24px; color: #1d2733; background: #fff; }
h1 { font-size: 1.5rem; margin: 0.2rem 0; } p.summary { color: #44505c; margin: 0.2rem 0 1rem; }
.chart { border: 1px solid #e3e7eb; border-radius: 6px; margin: 0 0 18px; padding: 4px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.filters input, .filters select, .filters button { font-size: 0.9rem; padding: 4px 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #e3e7eb; padding: 5px 6px; text-align: left; vertical-align: top; }
th { background: #f5f7f9; position: sticky; top: 0; }
td.evidence { max-width: 520px; } td.sources a, td.sources span { display: block; }
tr.planned td.status { color: #c45f00; } tr.occurred td.status { color: #1f5f9f; }
.count { color: #44505c; font-size: 0.85rem; } footer { color: #6b7785; font-size: 0.8rem; margin: 16px 0; }
"""

_SCRIPT = r"""
(function () {
  const specs = JSON.parse(document.getElementById('chart-specs').textContent);
  const rows = JSON.parse(document.getElementById('table-rows').textContent);
  const body = document.querySelector('#meetings tbody');
  const search = document.getElementById('search'), status = document.getElementById('status');
  const year = document.getElementById('year'), country = document.getElementById('country');
  const count = document.getElementById('shown'), LIMIT = 500;
  function option(select, value) { const o = document.createElement('option'); o.value = value; o.textContent = value; select.appendChild(o); }
  [...new Set(rows.map(r => r.date.slice(0, 4)).filter(Boolean))].sort().reverse().forEach(y => option(year, y));
  [...new Set(rows.flatMap(r => r.countries))].sort().forEach(c => option(country, c));
  function cell(tr, text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
  function draw() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = rows.filter(r => (!status.value || r.status === status.value)
      && (!year.value || r.date.startsWith(year.value)) && (!country.value || r.countries.includes(country.value))
      && words.every(w => (r.id + ' ' + r.participants + ' ' + r.place + ' ' + r.evidence).toLowerCase().includes(w)));
    body.replaceChildren();
    shown.slice(0, LIMIT).forEach(r => {
      const tr = document.createElement('tr'); tr.className = r.status; tr.id = r.id;
      cell(tr, r.date || 'undated'); cell(tr, r.participants); cell(tr, [r.place, r.country].filter(Boolean).join(', '));
      cell(tr, r.status, 'status'); cell(tr, r.evidence, 'evidence');
      const sources = cell(tr, '', 'sources');
      r.sources.forEach(s => {
        const a = document.createElement(s.href ? 'a' : 'span');
        if (s.href) { a.href = s.href; a.target = '_blank'; a.rel = 'noopener'; }
        a.textContent = (s.published ? s.published + ' ' : '') + s.label; a.title = s.evidence; sources.appendChild(a);
      });
      body.appendChild(tr);
    });
    count.textContent = shown.length > LIMIT ? `${shown.length} meetings, first ${LIMIT} shown` : `${shown.length} meetings`;
  }
  [search, status, year, country].forEach(el => el.addEventListener('input', draw));
  document.getElementById('reset').addEventListener('click', () => { search.value = status.value = year.value = country.value = ''; draw(); });
  draw();
  const drawn = Object.entries(specs).map(([name, spec]) => {
    const el = document.getElementById('chart-' + name);
    return Plotly.newPlot(el, spec.data, spec.layout, {displaylogo: false, responsive: true}).then(() => {
      el.on('plotly_click', ev => { const p = ev.points[0]; if (p && p.customdata) { search.value = String(p.customdata); draw();
        document.getElementById('meetings').scrollIntoView({behavior: 'smooth'}); } });
    });
  });
  Promise.all(drawn).then(() => { document.body.dataset.rendered = 'yes'; },
                          err => { document.body.dataset.rendered = 'error'; console.error(err); });
})();
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style>
<script>window.PlotlyGeoAssets = {{topojson: {{world_110m: {world}}}}};</script>
<script>{plotlyjs}</script>
</head><body>
<h1>{title}</h1>
<p class="summary">{summary}</p>
{charts}
<section id="table-section"><h2>Meetings</h2>
<div class="filters"><input id="search" type="search" placeholder="leader, place, word or event id" size="32">
<select id="status"><option value="">held and planned</option><option value="occurred">held</option>
<option value="planned">planned</option></select>
<select id="year"><option value="">every year</option></select>
<select id="country"><option value="">every country</option></select>
<button id="reset" type="button">show all</button> <span id="shown" class="count"></span></div>
<table id="meetings"><thead><tr><th>date</th><th>participants</th><th>place</th><th>status</th><th>evidence</th>
<th>sources</th></tr></thead><tbody></tbody></table></section>
<footer>From {folder}, {generated}. Charts: Plotly. A click on a point shows its meetings in the table.</footer>
<script type="application/json" id="chart-specs">{specs}</script>
<script type="application/json" id="table-rows">{rows}</script>
<script>{script}</script>
</body></html>
"""
