"""`summits report`: one self-contained HTML page (and PNG charts) from a run's output folder."""
