"""The `summits` command: argument parsing only; the work happens in run(), evaluate() and friends.

User errors (bad config, missing file, malformed date) print one line on stderr and exit non-zero,
never a traceback.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.config import ConfigError, Settings, load_settings
from pipeline.errors import DataError
from pipeline.records import PartialDate

# Exit codes a script can trust (README "Exit codes"; `summits run --help` lists them too).
EXIT_OK = 0
EXIT_NOTHING_READ = 1  # every document failed or was skipped: the previous outputs are kept
EXIT_USAGE = 2  # a bad option, a missing path, no input files, an unreadable config, a busy output folder
EXIT_INPUT = 3  # evaluate: a missing or malformed gold or prediction file; run: the output cannot be written
EXIT_DATA = 3  # a data file under models/ is broken: nothing was read
# click >= 8.2 raises this for a bare group call; older versions print the help themselves.
_NO_ARGS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class UserError(click.ClickException):
    """A one-line error for the user; click prints 'Error: ...' and exits with exit_code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.exit_code = exit_code


def _settings(config: str | None) -> Settings:
    try:
        return load_settings(config)
    except (ConfigError, ValueError) as error:
        raise UserError(str(error)) from None


def _partial_date(_ctx, _param, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM or YYYY-MM-DD, got {value!r}") from None


class OneLineErrors(click.Group):
    """Click prints usage and a hint before a usage error; our contract is one line on stderr."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except _NO_ARGS_HELP as error:  # bare `summits`: the help text is the useful answer
            click.echo(error.format_message(), err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"summits: error: {' '.join(error.format_message().split())}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("summits: aborted", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summits", prog_name="summits", message="%(prog)s %(version)s")
def main() -> None:
    """Dutch news in, meetings between world leaders out."""


@main.command("run")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--config", type=click.Path(dir_okay=False), help="config.yaml (default: ./config.yaml).")
@click.option("--date", "default_date", callback=_partial_date, help="Publication date YYYY-MM[-DD] for files without one.")
@click.option("--model/--no-model", "use_model", default=None,
              help="Use the statistical model, or the rules on a blank Dutch pipeline (default: use_model in "
                   "config.yaml, false).")
@click.option("--processes", type=click.IntRange(min=1), help="Worker processes (default: n_process in config.yaml).")
@click.option("--list", "list_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A file of input paths, one per line (repeatable).")
@click.option("--full", is_flag=True,
              help="Process every document again (default: only documents new or changed since the last run "
                   "into the output folder; everything when the code, the data or the settings changed).")
@click.option("--keep-missing", is_flag=True,
              help="Keep the meetings of documents that are no longer in the input (default: drop them, so the "
                   "outputs describe exactly the input given).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents run: here (with --processes workers), or on Dask: a LocalCluster of --processes "
                   "workers (default: every core), or the cluster at --scheduler.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler, tcp://HOST:8786.")
def run_command(paths: tuple[Path, ...], out_dir: Path | None, config: str | None,
                default_date: PartialDate | None, use_model: bool | None, processes: int | None,
                list_files: tuple[Path, ...], full: bool, keep_missing: bool, engine: str,
                scheduler: str | None) -> None:
    """Extract meetings from PATHS (files, folders or quoted glob patterns such as 'feeds/*.jsonl.gz';
    default: the corpus folder) and the paths listed in --list files.

    \b
    Exit codes:
      0  done (some files may be skipped: see run_report.json)
      1  no document was processed (every one failed or was skipped); the previous outputs are kept
      2  usage: a bad option, a missing path, no input files, an unreadable config, a busy output folder, no scheduler
      3  a broken data file under models/, or the output folder cannot be written
    """
    from pipeline.execution.dask_engine import ClusterError
    from pipeline.export.output_set import OutputBusy
    from pipeline.run import NoInputError, NothingReadError, run

    from pipeline.reading.inputs import InputError, expand_inputs

    if scheduler and engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    settings = _settings(config)
    try:
        inputs = expand_inputs(list(paths), list(list_files)) if paths or list_files else [settings.corpus_dir]
    except InputError as error:
        raise UserError(str(error)) from None
    missing = [str(path) for path in inputs if not (path.exists() or path.is_symlink())]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    out_dir = _output_folder(out_dir or settings.output_dir)
    try:
        result = run(settings, inputs, out_dir, default_date, use_model=use_model, processes=processes, full=full,
                     keep_missing=keep_missing, engine=engine, scheduler=scheduler)
    except NoInputError as error:
        raise UserError(str(error)) from None
    except NothingReadError as error:
        raise UserError(str(error), EXIT_NOTHING_READ) from None
    except (OutputBusy, ClusterError) as error:
        raise UserError(str(error)) from None
    except DataError as error:
        raise UserError(f"bad data file: {error}", EXIT_DATA) from None
    except OSError as error:
        raise UserError(f"cannot write the output: {error}", EXIT_INPUT) from None
    counts, changes = result.report["counts"], result.report["incremental"]
    again = " (processed again)" if changes["unchanged_processed_again"] else ""
    kept = f", {changes['kept_missing']} kept" if changes["kept_missing"] else ""
    click.echo(f"{counts['documents']} documents ({changes['new']} new, {changes['changed']} changed, "
               f"{changes['unchanged']} unchanged{again}, {changes['removed']} removed{kept}), "
               f"{counts['mentions']} mentions, {counts['events']} events; {counts['files_skipped']} file(s) "
               f"skipped -> {result.out_dir}", err=True)


def _output_folder(folder: Path) -> Path:
    """Create the output folder before any work, so a typo fails in a second rather than after the run."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot write the output to {folder}: {error.strerror or error}", EXIT_INPUT) from None
    return folder


@main.command("evaluate")
@click.option("--gold", type=click.Path(dir_okay=False, path_type=Path), help="Gold events.csv.")
@click.option("--pred", type=click.Path(dir_okay=False, path_type=Path), help="Predicted mentions.csv.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Where to write the report.")
@click.option("--config", type=click.Path(dir_okay=False))
def evaluate_command(gold: Path | None, pred: Path | None, out_dir: Path | None, config: str | None) -> None:
    """Score predicted mentions against gold: events P/R/F1, field accuracy, strict F1, merging."""
    from pipeline.offline.evaluate import EvaluationError, evaluate_files

    settings = _settings(config)
    try:
        report = evaluate_files(gold or settings.gold_file, pred or settings.output_dir / "mentions.csv",
                                out_dir or settings.output_dir)
    except EvaluationError as error:
        raise UserError(str(error), EXIT_INPUT) from None
    except OSError as error:
        raise UserError(f"cannot write the evaluation: {error}", EXIT_INPUT) from None
    click.echo(report)


@main.command("report")
@click.argument("output_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write report.html and charts/*.png (default: OUTPUT_DIR).")
@click.option("--png/--no-png", "pictures", default=True, help="Also save each chart as PNG (headless Chromium).")
@click.option("--config", type=click.Path(dir_okay=False))
def report_command(output_dir: Path | None, out_dir: Path | None, pictures: bool, config: str | None) -> None:
    """One self-contained HTML page of a run's meetings (default: the configured output folder): timeline,
    leader network, map, meetings per country and year, and a table with filters.

    \b
    Exit codes: 0 written (PNG files skipped, with the reason, where no Chromium runs); 2 no run's outputs in
    OUTPUT_DIR; 3 the report cannot be written.
    """
    from pipeline.report.build import write_report
    from pipeline.report.data import ReportInputError

    settings = _settings(config)
    folder = output_dir or settings.output_dir
    try:
        result = write_report(folder, out_dir or folder, settings.models_dir, pictures)
    except ReportInputError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"cannot write the report: {error}", EXIT_INPUT) from None
    if result.note:
        click.echo(f"summits: {result.note}", err=True)
    shown = f" and {len(result.pictures)} PNG file(s) in {result.pictures[0].parent}" if result.pictures else ""
    click.echo(f"report: {result.page}{shown} (open it in a browser; it needs no network)", err=True)


@main.command("dates")
@click.argument("expression")
@click.option("--anchor", required=True, help="The article date YYYY[-MM[-DD]].")
@click.option("--tense", type=click.Choice(["past", "present", "future"]), help="Tense of the sentence.")
@click.option("--config", type=click.Path(dir_okay=False), help="config.yaml (default: ./config.yaml).")
def dates_command(expression: str, anchor: str, tense: str | None, config: str | None) -> None:
    """Normalise a Dutch date EXPRESSION against an anchor date: prints value and precision."""
    from pipeline.timex import load_lexicon, normalize_range
    from pipeline.timex.lexicon import DATES_DIR

    try:
        lexicon = load_lexicon(_settings(config).models_dir / DATES_DIR)
        result = normalize_range(expression, anchor, tense, lexicon=lexicon)
    except DataError as error:
        raise UserError(f"bad data file: {error}", EXIT_DATA) from None
    except ValueError as error:
        raise UserError(str(error)) from None
    if result is None:
        raise UserError(f"no date found in {expression!r}", 1)
    value, value_end, precision = result
    click.echo(f"{value}\t{precision}" + (f"\t{value_end}" if value_end else ""))


@main.command("export-pipeline")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", type=click.Path(dir_okay=False), help="config.yaml (default: ./config.yaml).")
@click.option("--no-model", is_flag=True, help="Save the rule-only pipeline (blank Dutch, no statistical model).")
def export_pipeline_command(folder: Path, config: str | None, no_model: bool) -> None:
    """Save the whole pipeline, data included, to FOLDER: spacy.load(FOLDER) then works anywhere this
    package is installed (no models/ folder or config.yaml needed)."""
    from pipeline.components.assemble import build_pipeline

    settings = _settings(config)
    try:
        choice = build_pipeline(settings, use_model=not no_model)
        choice.nlp.to_disk(folder)
    except DataError as error:
        raise UserError(f"bad data file: {error}", EXIT_DATA) from None
    except OSError as error:
        raise UserError(f"cannot write the pipeline to {folder}: {error}", EXIT_INPUT) from None
    click.echo(f"saved {choice.name} with {len(choice.nlp.pipe_names)} components to {folder}", err=True)


@main.command("train-model")
@click.option("--config", type=click.Path(dir_okay=False))
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("training"),
              show_default=True, help="Converted data and checkpoints (git-ignored).")
@click.option("--threads", type=int, default=1, show_default=True)
def train_model_command(config: str | None, work_dir: Path, threads: int) -> None:
    """Train the project's own Dutch model from training_data_dir and install it as fallback_model
    (about 30-60 minutes on one thread; see models/nl_summit_sm.md)."""
    from pipeline.offline.training import install_model, train_model

    settings = _settings(config)
    if not settings.training_data_dir.is_dir():
        raise UserError(f"training data folder not found: {settings.training_data_dir}")
    best = train_model(settings.training_data_dir, work_dir, threads)
    click.echo(f"installed {install_model(best, settings.fallback_model)}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
