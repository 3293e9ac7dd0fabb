"""The report's charts as Plotly figures: timeline, leader network, map of meeting places, meetings per
country and year.

Plotly draws interactive charts in a self-contained page (plotly.js embedded) and the same figures can be
saved as pictures; every point carries its meeting's event_id, so a click can show its evidence.
"""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from pipeline.report.data import ReportData

OCCURRED, PLANNED = "occurred", "planned"
STATUS_STYLE = {OCCURRED: {"color": "#1f77b4", "symbol": "circle"},
                PLANNED: {"color": "#ff7f0e", "symbol": "circle-open"}}
TIMELINE_LEADERS = 30  # rows of the timeline: the leaders with the most meetings
NETWORK_LEADERS = 150  # nodes of the network: the leaders with the most meetings (more is a hairball)
LABELLED_NODES = 20  # network nodes named on the chart (all are named on hover)
HEATMAP_COUNTRIES = 30
_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=50, b=10), font=dict(size=12))


def _wrap(text: str, width: int = 90) -> str:
    """Hover text in lines of about `width` characters (Plotly does not wrap)."""
    words, lines, line = str(text or "").split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return "<br>".join(lines + [line] if line else lines)


def _sizes(counts, smallest: float, largest: float) -> list[float]:
    """Marker diameters whose areas grow with the counts, the largest count drawn `largest` across."""
    counts = list(counts)
    top = max(counts, default=1) or 1
    return [smallest + (largest - smallest) * math.sqrt(count / top) for count in counts]


def _hover(events: pd.DataFrame) -> list[str]:
    return [f"<b>{row.participants}</b><br>{row.date or 'undated'} · {row.location or row.location_country or ''}"
            f" · {row.status}<br>{_wrap(row.evidence)}" for row in events.itertuples()]


def timeline(data: ReportData) -> go.Figure:
    """One row per leader (the most active), a mark per meeting: filled when it took place, open when planned."""
    dated = data.events.dropna(subset=["when"])
    leaders = data.participants.merge(dated[["event_id", "when", "participants", "location", "location_country",
                                             "evidence"]], on="event_id")
    top = leaders["name"].value_counts().head(TIMELINE_LEADERS).index.tolist()
    leaders = leaders[leaders["name"].isin(top)]
    figure = go.Figure()
    for status, style in STATUS_STYLE.items():
        rows = leaders[leaders["status"] == status]
        figure.add_trace(go.Scatter(
            x=rows["when"], y=rows["name"], mode="markers", name=status,
            marker=dict(size=9, color=style["color"], symbol=style["symbol"], line=dict(width=1.5)),
            customdata=rows["event_id"], hovertext=_hover(rows), hoverinfo="text"))
    undated = len(data.events) - len(dated)
    note = f" ({undated} undated not shown)" if undated else ""
    figure.update_layout(title=f"Meetings over time, {len(top)} most active leaders{note}",
                         height=max(320, 24 * len(top) + 120), legend=dict(orientation="h", y=1.02, x=1,
                                                                            xanchor="right", yanchor="bottom"),
                         yaxis=dict(categoryorder="array", categoryarray=list(reversed(top))), **_LAYOUT)
    return figure


def leader_graph(data: ReportData, limit: int = NETWORK_LEADERS) -> nx.Graph:
    """The `limit` most active leaders as nodes (weight: meetings; ties by name), an edge per pair of them that
    met (weight: how often)."""
    counts = data.participants.groupby("name").agg(meetings=("event_id", "size"), country=("country", "first"))
    counts = counts.reset_index().sort_values(["meetings", "name"], ascending=[False, True]).head(limit)
    graph = nx.Graph()
    for row in counts.itertuples():
        graph.add_node(row.name, meetings=row.meetings, country=row.country)
    for _, group in data.participants[data.participants["name"].isin(graph.nodes)].groupby("event_id"):
        names = sorted(set(group["name"]))
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                weight = graph.edges[first, second]["weight"] + 1 if graph.has_edge(first, second) else 1
                graph.add_edge(first, second, weight=weight)
    return graph


def network(data: ReportData) -> go.Figure:
    """Who met whom: a force-directed layout (fixed seed, so the same data draws the same picture)."""
    graph = leader_graph(data)
    positions = nx.spring_layout(graph, seed=7, k=1.5 / math.sqrt(max(graph.number_of_nodes(), 1)))
    figure = go.Figure()
    for low, high, width in ((1, 1, 0.6), (2, 3, 1.8), (4, math.inf, 3.5)):
        xs, ys = [], []
        for first, second, attributes in graph.edges(data=True):
            if low <= attributes["weight"] <= high:
                xs += [positions[first][0], positions[second][0], None]
                ys += [positions[first][1], positions[second][1], None]
        label = f"met {low}x" if low == high else f"met {low}-{high}x" if high != math.inf else f"met {low}x or more"
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=width, color="#9aa5b1"),
                                    hoverinfo="skip", name=label))
    names = list(graph.nodes)
    meetings = [graph.nodes[name]["meetings"] for name in names]
    shown = set(sorted(names, key=lambda name: -graph.nodes[name]["meetings"])[:LABELLED_NODES])
    figure.add_trace(go.Scatter(
        x=[positions[name][0] for name in names], y=[positions[name][1] for name in names], mode="markers+text",
        text=[name if name in shown else "" for name in names], textposition="top center", name="leaders",
        marker=dict(size=_sizes(meetings, 7, 30), color="#1f77b4",
                    line=dict(width=1, color="white")),
        customdata=names, hoverinfo="text",
        hovertext=[f"<b>{name}</b> ({graph.nodes[name]['country']})<br>{graph.nodes[name]['meetings']} meetings, "
                   f"{graph.degree[name]} leaders" for name in names]))
    total = data.participants["name"].nunique()
    scope = f"the {len(names)} most active of {total} leaders" if len(names) < total else f"{len(names)} leaders"
    figure.update_layout(title=f"Leader network: {scope}, {graph.number_of_edges()} pairs that met",
                         height=640, showlegend=True, xaxis=dict(visible=False), yaxis=dict(visible=False), **_LAYOUT)
    return figure


def places(data: ReportData) -> pd.DataFrame:
    """Meeting places with coordinates and how many meetings each saw."""
    located = data.events.dropna(subset=["latitude", "longitude"])
    grouped = located.groupby(["location", "location_country", "latitude", "longitude"], dropna=False)
    return grouped.agg(meetings=("event_id", "size"), occurred=("status", lambda s: int((s == OCCURRED).sum())),
                       first=("event_id", "first")).reset_index()


def meeting_map(data: ReportData) -> go.Figure:
    table = places(data)
    figure = go.Figure(go.Scattergeo(
        lon=table["longitude"], lat=table["latitude"], mode="markers", name="places",
        marker=dict(size=_sizes(table["meetings"], 5, 26), color="#d62728", opacity=0.75,
                    line=dict(width=0.5, color="white")),
        customdata=table["location"].fillna(""), hoverinfo="text",
        hovertext=[f"<b>{row.location or row.location_country}</b> ({row.location_country})<br>{row.meetings} meetings,"
                   f" {row.occurred} held" for row in table.itertuples()]))
    unplaced = len(data.events) - int(table["meetings"].sum())
    note = f" ({unplaced} without a known place not shown)" if unplaced else ""
    figure.update_layout(title=f"Where leaders met: {len(table)} places{note}", height=520,
                         geo=dict(projection_type="natural earth", showcountries=True, countrycolor="#c8c8c8",
                                  showland=True, landcolor="#f2f2f2", resolution=110, fitbounds=False,
                                  lonaxis=dict(range=[-180, 180]), lataxis=dict(range=[-60, 85])), **_LAYOUT)
    return figure


def country_year_counts(data: ReportData) -> pd.DataFrame:
    """Meetings per participant country and year (a meeting counts once per country taking part)."""
    joined = data.participants.merge(data.events[["event_id", "year"]], on="event_id").dropna(subset=["year"])
    joined = joined[joined["country"].fillna("") != ""].drop_duplicates(["event_id", "country"])
    return joined.groupby(["country", "year"]).size().unstack(fill_value=0)


def country_year(data: ReportData) -> go.Figure:
    counts = country_year_counts(data)
    top = counts.sum(axis=1).sort_values(ascending=False).head(HEATMAP_COUNTRIES).index
    counts = counts.loc[list(reversed(top))]
    figure = go.Figure(go.Heatmap(z=counts.values, x=list(counts.columns), y=list(counts.index), colorscale="Blues",
                                  colorbar=dict(title="meetings", dtick=max(1, int(counts.values.max(initial=1)) // 5)),
                                  hovertemplate="%{y} %{x}: %{z} meetings<extra></extra>"))
    figure.update_layout(title=f"Meetings per country and year ({len(top)} countries with the most)",
                         height=max(300, 22 * len(top) + 140), xaxis=dict(type="category"), **_LAYOUT)
    return figure


CHARTS = (("timeline", timeline), ("network", network), ("map", meeting_map), ("countries", country_year))
