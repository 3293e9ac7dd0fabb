"""Time cross-document merging (`cluster_mentions`) and the export of rows on synthetic mentions.

Run from the project folder:  python3 scripts/benchmark_merge.py [--sizes 10000:2000 100000:20000] [--repeat 3]
Each size is mentions:meetings. A meeting is 2-3 heads of state or government of models/actors/world.tsv on
one day in one city of models/places/cities.tsv; its mentions (one or more, several on average) give the day
or only the month or year, the city, only the country or no place, and a few give no date but the city, as
Dutch news does. Merging should grow with the number of mentions, not its square: the last column is each
size's time over the smallest's (10 times the mentions should cost about 10 times the time).
Timing is wall-clock time (time.perf_counter), best of --repeat runs, one thread.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time

sys.path.insert(0, os.getcwd())  # run from the project folder (as for config.yaml) without installing

from pipeline.config import load_settings  # noqa: E402
from pipeline.export.tables import rows_for  # noqa: E402
from pipeline.knowledge.actors import COLUMNS as ACTOR_COLUMNS, OPTIONAL_COLUMNS as ACTOR_OPTIONAL  # noqa: E402
from pipeline.knowledge.gazetteer import PLACE_COLUMNS, PLACE_OPTIONAL, parse_place  # noqa: E402
from pipeline.knowledge.tables import read_table  # noqa: E402
from pipeline.merge.clusters import cluster_mentions  # noqa: E402
from pipeline.records import Actor, Mention, Place  # noqa: E402

FIRST_DAY, DAYS = dt.date(1995, 1, 1), 30 * 365
LEADER_OFFICES = {"head_of_state", "head_of_government"}
N_CITIES = 200


def load_leaders() -> list[Actor]:
    """Heads of state and government, each once, with the country of their first row."""
    path = load_settings().models_dir / "actors" / "world.tsv"
    leaders: dict[str, Actor] = {}
    for row in read_table(path, ACTOR_COLUMNS, optional=ACTOR_OPTIONAL):
        if row["office"] in LEADER_OFFICES:
            leaders.setdefault(row["name"], Actor(row["name"], row["qid"], row["country"], "alias"))
    return list(leaders.values())


def load_cities() -> list[Place]:
    """The first cities of the gazetteer: summit cities, then Dutch-named ones."""
    path = load_settings().models_dir / "places" / "cities.tsv"
    records = (parse_place(row)[0] for row in read_table(path, PLACE_COLUMNS, optional=PLACE_OPTIONAL))
    return [record.to_place("alias") for record in records if record.kind == "city"][:N_CITIES]


def meetings(count: int, leaders: list[Actor], cities: list[Place], rng: random.Random) -> list[tuple]:
    """`count` distinct (participants, day, city): a quarter of them trilateral."""
    found: set[tuple] = set()
    while len(found) < count:
        people = tuple(rng.sample(leaders, 3 if rng.random() < 0.25 else 2))
        day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
        found.add((people, day, rng.choice(cities)))
    return sorted(found, key=lambda meeting: (meeting[1], [actor.name for actor in meeting[0]]))


def mention_of(meeting: tuple, doc_id: str, char_start: int, rng: random.Random) -> Mention:
    """One report of `meeting`, with a date and a place as precise as a news sentence happens to give."""
    people, day, city = meeting
    draw = rng.random()
    date, precision = ((day, "day") if draw < 0.6 else (day[:7], "month") if draw < 0.85
                       else (day[:4], "year") if draw < 0.97 else ("", ""))
    draw = rng.random()
    place = city if draw < 0.6 or not date else Place("", city.country, kind="country") if draw < 0.8 else None
    status = "planned" if rng.random() < 0.15 else "occurred"
    people = tuple(rng.sample(people, len(people)))  # the order the sentence names them in
    return Mention(doc_id, people, date, "", precision, date or "", place, status,
                   f"{' en '.join(actor.name for actor in people)} ontmoetten elkaar.", char_start,
                   char_start + 60, round(rng.uniform(0.5, 0.95), 2), "meet_verb")


def synthetic_mentions(n_mentions: int, n_meetings: int, seed: int = 7) -> list[Mention]:
    """Every meeting reported at least once, the rest spread at random; documents report about three each."""
    rng = random.Random(seed)
    chosen = meetings(n_meetings, load_leaders(), load_cities(), rng)
    reported = chosen + rng.choices(chosen, k=n_mentions - n_meetings)
    rng.shuffle(reported)
    n_docs = max(1, n_mentions // 3)
    return [mention_of(meeting, f"doc_{number % n_docs:06d}", 100 * (number // n_docs), rng)
            for number, meeting in enumerate(reported)]


def best_time(work, repeat: int) -> tuple[float, object]:
    """The shortest of `repeat` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def measure(n_mentions: int, n_meetings: int, repeat: int) -> dict[str, float]:
    mentions = synthetic_mentions(n_mentions, n_meetings)
    merge_seconds, clusters = best_time(lambda: cluster_mentions(mentions), repeat)
    export_seconds, _ = best_time(lambda: rows_for(clusters), repeat)
    return {"mentions": n_mentions, "meetings": n_meetings, "clusters": len(clusters), "merge": merge_seconds,
            "export": export_seconds, "total": merge_seconds + export_seconds}


def size(text: str) -> tuple[int, int]:
    mentions, _, meetings_ = text.partition(":")
    return int(mentions), int(meetings_)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=size, nargs="+", default=[(10_000, 2_000), (100_000, 20_000)])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = [measure(n_mentions, n_meetings, args.repeat) for n_mentions, n_meetings in args.sizes]
    smallest = min(results, key=lambda result: result["mentions"])["total"]
    print(f"{'mentions':>9} {'meetings':>9} {'clusters':>9} {'merge s':>8} {'export s':>9} {'seconds':>8} {'ratio':>6}")
    for result in results:
        print(f"{result['mentions']:>9} {result['meetings']:>9} {result['clusters']:>9} {result['merge']:>8.2f} "
              f"{result['export']:>9.2f} {result['total']:>8.2f} {result['total'] / smallest:>6.1f}")


if __name__ == "__main__":
    main()
