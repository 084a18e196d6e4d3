#!/bin/sh
# Backup for cron: a new, checked backup (database + media) in BACKUP_DIR,
# then only the newest BACKUP_KEEP backups are kept. A failed backup exits
# non-zero (cron mails it) and removes nothing.
#
#   BACKUP_DIR=/srv/backups BACKUP_KEEP=14 /srv/flensburg/scripts/backup.sh
#   docker compose exec -T web scripts/backup.sh          # in the container
#
# Arguments go on to `manage.py backup` (e.g. --no-media). The environment
# must be the site's (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT or the
# MEDIA_S3_* variables: with media on S3 the bucket's objects are backed up).
set -eu
cd "$(dirname "$0")/.."

BACKUP_DIR="${BACKUP_DIR:-$(pwd)/backups}"
BACKUP_KEEP="${BACKUP_KEEP:-14}"
case "$BACKUP_KEEP" in
    '' | *[!0-9]*) echo "BACKUP_KEEP must be a whole number, not '$BACKUP_KEEP'." >&2; exit 2 ;;
esac
if [ "$BACKUP_KEEP" -lt 1 ]; then
    echo "BACKUP_KEEP must be at least 1." >&2
    exit 2
fi
if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python; fi
fi

"$PYTHON" manage.py backup --output "$BACKUP_DIR" "$@"

# Retention: complete backups only (in-progress ones are hidden .partial
# directories); their names sort by time, newest first.
ls -1 "$BACKUP_DIR" \
    | grep -E '^backup-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$' \
    | sort -r \
    | tail -n +"$((BACKUP_KEEP + 1))" \
    | while read -r name; do
        rm -rf -- "${BACKUP_DIR:?}/$name"
        echo "Removed old backup $name"
    done
