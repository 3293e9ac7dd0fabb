"""The Markdown tables and PASS/FAIL targets of scripts/benchmark_run.py, from its results (or its --json file).

Targets (the brief for the scaling benchmark):
  - on each axis, 16x the input costs at most 20x the processing time: the largest size's time over the
    smallest's at most 1.25 times the input ratio (documents 100 -> 10,000: at most 125x);
  - peak memory grows less than 2x from 1,000 to 10,000 documents (the two largest sizes of the axis);
  - the pipeline with the model runs at 85 % or more of the bare model's nlp.pipe documents/s (the model as
    shipped; the share of the bare model with only the components the pipeline loads is reported beside it:
    what the rules cost on top of the model);
  - rules only: 100 documents/s or more on one process;
  - 2 processes: 1.6x or more the documents/s of one (rules only and with the model).
"""
from __future__ import annotations

TIME_SLACK = 1.25  # 16x the input may cost 20x the time
MEMORY_GROWTH = 2.0
MODEL_SHARE = 0.85
RULES_DOCS_PER_SECOND = 100.0
TWO_PROCESS_SPEEDUP = 1.6


def _docs_per_second(row: dict) -> float:
    return row["documents"] / max(row["pipe"], 1e-9)


def _verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def axis_targets(axis: dict) -> list[tuple[str, str, bool]]:
    rows, what = axis["rows"], f"{axis['label']} ({axis['pipeline']})"
    if len(rows) < 2:
        return []
    first, last = rows[0], rows[-1]
    grown, slowed = last["size"] / first["size"], last["process"] / first["process"]
    found = [(f"{what}: {grown:.0f}x the {axis['unit']} ({first['size']:,} -> {last['size']:,}) at most "
              f"{TIME_SLACK * grown:.0f}x the processing time", f"{slowed:.1f}x", slowed <= TIME_SLACK * grown)]
    if axis["name"] == "documents":
        before = rows[-2]
        memory = last["peak_mb"] / before["peak_mb"]
        found.append((f"{what}: peak memory less than {MEMORY_GROWTH:.0f}x from {before['size']:,} to "
                      f"{last['size']:,} documents", f"{memory:.2f}x ({before['peak_mb']:.0f} -> "
                      f"{last['peak_mb']:.0f} MB)", memory < MEMORY_GROWTH))
    return found


def throughput_targets(throughput: dict) -> list[tuple[str, str, bool]]:
    rows = {(row["what"], row["processes"]): _docs_per_second(row) for row in throughput["rows"]}
    bare, model, model_2 = (rows.get(key) for key in (("bare model nlp.pipe", 1), ("pipeline with the model", 1),
                                                      ("pipeline with the model", 2)))
    rules, rules_2 = rows.get(("pipeline, rules only", 1)), rows.get(("pipeline, rules only", 2))
    found = []
    same = rows.get(("bare model nlp.pipe, the pipeline's components", 1))
    if bare and model:
        beside = f"; {model / same:.0%} of the same components alone ({same:.1f})" if same else ""
        found.append((f"pipeline with the model at least {MODEL_SHARE:.0%} of the bare model's nlp.pipe documents/s",
                      f"{model / bare:.0%} ({model:.1f} vs {bare:.1f}){beside}", model / bare >= MODEL_SHARE))
    if rules:
        found.append((f"rules only at least {RULES_DOCS_PER_SECOND:.0f} documents/s on one process",
                      f"{rules:.1f}", rules >= RULES_DOCS_PER_SECOND))
    for what, one, two in (("rules only", rules, rules_2), ("with the model", model, model_2)):
        if one and two:
            found.append((f"2 processes at least {TWO_PROCESS_SPEEDUP}x one ({what})", f"{two / one:.2f}x",
                          two / one >= TWO_PROCESS_SPEEDUP))
    return found


def axis_table(axis: dict) -> list[str]:
    unit, first = axis["unit"], axis["rows"][0]
    lines = [f"### {axis['label']}: {axis['description']}; {axis['pipeline']} ({first['model']}), one process", "",
             f"| {unit} | words | mentions | wall s | model load s | processing s | of which pipeline loop s "
             f"| ms per {unit.rstrip('s')} | time ratio | peak MB | memory ratio |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in axis["rows"]:
        lines.append(f"| {row['size']:,} | {row['words']:,} | {row['mentions']:,} | {row['wall']:.2f} | "
                     f"{row['load']:.2f} | {row['process']:.2f} | {row['pipe']:.2f} | "
                     f"{1000 * row['process'] / row['size']:.2f} | {row['process'] / first['process']:.1f}x | "
                     f"{row['peak_mb']:.0f} | {row['peak_mb'] / first['peak_mb']:.2f}x |")
    return lines


def throughput_table(throughput: dict) -> list[str]:
    rows = throughput["rows"]
    bare = next((row for row in rows if row["what"] == "bare model nlp.pipe"), None)
    words = rows[0]["words"]
    lines = [f"### Throughput on {throughput['corpus']} ({words:,} words)", "",
             "| run | model | processes | documents/s | words/s | share of the bare model | timed s "
             "| CPU s of the whole run (main + workers) | peak MB |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        rate = _docs_per_second(row)
        share = f"{rate / _docs_per_second(bare):.0%}" if bare else ""
        two = row["processes"] > 1
        peak = f"{row['peak_mb']:.0f}" + (f" + {row['workers_peak_mb']:.0f} a worker" if two else "")
        cpu = f"{row.get('cpu', 0):.1f}" + (f" + {row.get('workers_cpu', 0):.1f}" if two else "")
        lines.append(f"| {row['what']} | {row['model']} | {row['processes']} | {rate:.1f} | "
                     f"{row['words'] / max(row['pipe'], 1e-9):,.0f} | {share} | {row['pipe']:.2f} | {cpu} | {peak} |")
    return lines


def print_report(results: dict) -> None:
    lines = [f"Command: `{results['command']}` ({results['started']}; {results['cpus']} CPUs, load average "
             f"{results['load_average']:.2f} at the start, {results.get('load_average_end', 0):.2f} at the end; "
             f"best of up to {results['repeat']} runs for runs under {results['cheap_seconds']:.0f} s)", ""]
    targets = []
    for axis in results["axes"]:
        lines += axis_table(axis) + [""]
        targets += axis_targets(axis)
    if results.get("throughput"):
        lines += throughput_table(results["throughput"]) + [""]
        targets += throughput_targets(results["throughput"])
    lines += ["### Targets", "", "| target | measured | result |", "|---|---|---|"]
    lines += [f"| {target} | {measured} | {_verdict(passed)} |" for target, measured, passed in targets]
    print("\n".join(lines))
