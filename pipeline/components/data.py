"""What the project's data-bearing components share: data that comes from the models folder through
`initialize(models_dir=...)` or from a saved pipeline through `from_disk`, never from the working
directory, and goes with the pipeline through `to_disk`."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterable

from pipeline.errors import DataError, Errors


class DataComponent:
    """Subclasses say which files they read (`data_paths`) and how to load them (`load_data`)."""

    def __init__(self, name: str):
        self.name = name
        self._data: Any = None
        self._folder: Path | None = None

    def data_paths(self, folder: Path) -> list[Path]:
        raise NotImplementedError

    def load_data(self, folder: Path) -> Any:
        raise NotImplementedError

    @property
    def data(self) -> Any:
        if self._data is None:
            raise DataError(self.name, Errors.E040.format(name=self.name))
        return self._data

    def initialize(self, get_examples=None, *, nlp=None, models_dir: str | Path | None = None) -> None:
        """Load the data from a models folder; a bad file raises DataError naming file and line."""
        if models_dir is None:
            raise DataError(self.name, Errors.E040.format(name=self.name))
        self._use(Path(models_dir))

    def _use(self, folder: Path) -> None:
        self._data = self.load_data(folder)
        self._folder = folder

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the files the component reads, keeping their place relative to the models folder."""
        if self._folder is None:
            raise DataError(self.name, Errors.E040.format(name=self.name))
        target = Path(path)
        for source in self.data_paths(self._folder):
            destination = target / source.relative_to(self._folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "DataComponent":
        self._use(Path(path))
        return self
