"""Running documents through a built pipeline: here in this process (`local`), or spread over worker
processes (`workers`) where a worker that dies costs only its own documents."""
