"""Time backup and restore of the demo site with its media on S3 (by hand).

    .venv/bin/python bench/backup_object_storage.py [--extra-mb 50]

Starts a moto S3 server on 127.0.0.1 (free port), loads the demo into a
fresh SQLite file with MEDIA_S3_* pointing at a new bucket, then times
`manage.py backup` and `manage.py restore --yes` (each a process of its own,
as an operator runs them) and prints the object count and sizes.
``--extra-mb`` adds one object of that size first (large-file behaviour).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parent.parent


def manage(env: dict, *arguments: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 (fixed program)
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra-mb", type=int, default=0)
    args = parser.parse_args()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        keys = {"aws_access_key_id": "bench", "aws_secret_access_key": "bench"}
        s3 = boto3.resource(
            "s3", endpoint_url=endpoint, region_name="us-east-1", **keys
        )
        bucket = s3.create_bucket(Bucket="bench-media")
        with tempfile.TemporaryDirectory() as work:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "flensburg_site.settings.dev",
                "DATABASE_URL": f"sqlite:///{work}/site.sqlite3",
                "MEDIA_S3_BUCKET": "bench-media",
                "MEDIA_S3_ENDPOINT_URL": endpoint,
                "MEDIA_S3_REGION": "us-east-1",
                "MEDIA_S3_ACCESS_KEY_ID": "bench",
                "MEDIA_S3_SECRET_ACCESS_KEY": "bench",
                "MEDIA_S3_ADDRESSING_STYLE": "path",
            }
            manage(env, "migrate", "--no-input")
            manage(env, "load_initial_data")
            if args.extra_mb:
                bucket.put_object(
                    Key="documents/gross.bin", Body=os.urandom(args.extra_mb << 20)
                )
            sizes = [entry.size for entry in bucket.objects.all()]
            backup_seconds, out = manage(env, "backup", "--output", f"{work}/b")
            path = Path(out.strip().splitlines()[-1])
            manifest = json.loads((path / "manifest.json").read_text())
            bucket.put_object(Key="documents/spaeter.pdf", Body=b"%PDF later")
            restore_seconds, _ = manage(env, "restore", str(path), "--yes")
            sys.stdout.write(
                json.dumps(
                    {
                        "objects": len(sizes),
                        "object_bytes": sum(sizes),
                        "archive_bytes": (path / "media.tar.gz").stat().st_size,
                        "manifest_files": len(manifest["media"]["files"]),
                        "backup_seconds": round(backup_seconds, 2),
                        "restore_seconds": round(restore_seconds, 2),
                        "objects_after_restore": sum(1 for _ in bucket.objects.all()),
                    },
                    indent=2,
                )
                + "\n"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
