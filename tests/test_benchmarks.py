"""The benchmark scripts measure the pipeline as it is: they must keep working with its interfaces."""
import importlib.util
import sys

from tests.conftest import REPO


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_date_benchmark_scores_our_normaliser_on_every_hand_checked_row():
    benchmark = _script("benchmark_dates")
    rows = benchmark.read_table(REPO / "tests/data/date_expressions.tsv")
    correct, _ = benchmark.run_ours(rows)
    assert len(correct) == len(rows) and all(correct)
