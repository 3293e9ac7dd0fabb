"""A run's output files are replaced as a set, by one run at a time.

Every file of a run is written into a temporary folder inside the target folder and moved in only when the
run has finished and read something: a run that is killed, fails, or reads nothing leaves the previous
complete set where it was. Moving in is one rename per file (a few microseconds); only a kill inside
that window can leave a mix. A lock file keeps two runs from writing into one folder at once; a lock
left by a process that no longer exists is taken over.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

LOCK_NAME = ".summits.lock"
TEMP_PREFIX = ".summits-incoming-"


class OutputBusy(RuntimeError):
    """Another run is writing into the same folder."""


class OutputSet:
    """`with OutputSet(folder) as output:` write to `output.path(name)`, then `output.commit()`."""

    def __init__(self, target: Path):
        self.target = target
        self.lock = target / LOCK_NAME
        self.incoming: Path | None = None
        self.committed = False

    def __enter__(self) -> "OutputSet":
        self.target.mkdir(parents=True, exist_ok=True)
        _acquire(self.lock)
        for stale in self.target.glob(f"{TEMP_PREFIX}*"):  # left by a run that was killed
            shutil.rmtree(stale, ignore_errors=True)
        self.incoming = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.target))
        return self

    @property
    def folder(self) -> Path:
        """The folder this run writes into (moved into place by `commit`)."""
        assert self.incoming is not None, "use OutputSet as a context manager"
        return self.incoming

    def path(self, name: str) -> Path:
        """Where to write the output file `name` during the run."""
        return self.folder / name

    def commit(self) -> None:
        """Move every file written into place; files of the previous set that this run did not write stay."""
        assert self.incoming is not None
        for written in sorted(self.incoming.iterdir()):
            os.replace(written, self.target / written.name)
        self.committed = True

    def __exit__(self, *_exc) -> None:
        if self.incoming is not None:
            shutil.rmtree(self.incoming, ignore_errors=True)
        self.lock.unlink(missing_ok=True)


def _acquire(lock: Path) -> None:
    """Create the lock file holding our process id; take over a lock whose process is gone."""
    for _attempt in range(2):
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            owner = _owner(lock)
            if owner is not None and _alive(owner):
                raise OutputBusy(f"another run (process {owner}) is writing to {lock.parent}; wait for it "
                                 f"to finish, or remove {lock} if it is gone") from None
            lock.unlink(missing_ok=True)  # stale: its process died without cleaning up
            continue
        with os.fdopen(handle, "w") as stream:
            stream.write(f"{os.getpid()}\n")
        return
    raise OutputBusy(f"cannot take the lock {lock}")


def _owner(lock: Path) -> int | None:
    try:
        return int(lock.read_text().strip() or "0") or None
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
