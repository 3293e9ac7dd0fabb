"""What `summits run` is pointed at, turned into paths: files and folders as given, glob patterns
(`'archive/2024-*/*.jsonl.gz'`, `**` for any depth: quoted, so the shell leaves them to us), and list files
of paths, one per line (as `find ... > list.txt` writes them), for archives too large for a command line.
"""
from __future__ import annotations

import glob
from pathlib import Path

GLOB_CHARACTERS = frozenset("*?[")


class InputError(ValueError):
    """A pattern that matches nothing or a list file that cannot be read: a usage error."""


def expand_inputs(given: list[Path], list_files: list[Path] = ()) -> list[Path]:
    """The paths to read, in the order given: a pattern's matches sorted, a list file's lines in order
    (blank lines and `#` comments skipped; relative paths relative to the current folder, as if typed)."""
    paths: list[Path] = []
    for path in given:
        text = str(path)
        if not (path.exists() or path.is_symlink()) and GLOB_CHARACTERS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"no file matches {text}")
            paths.extend(Path(match) for match in matches)
        else:
            paths.append(path)
    for list_file in list_files:
        try:
            lines = list_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read the list of paths {list_file}: {getattr(error, 'strerror', None) or error}") \
                from None
        paths.extend(Path(line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#"))
    return paths
