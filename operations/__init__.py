"""Operations: health and readiness checks (``health``), the 503 page while
the database is away (``db_unavailable``), request logs (``request_log``),
backups and restores (``backups`` and the ``backup``, ``restore``,
``verify_backup`` commands) and ``ensure_admin`` for a first start."""
