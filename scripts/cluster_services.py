"""The shared services of scripts/local_cluster.py, each a context manager:
a PostgreSQL database of its own (dropped at the end), a Redis database
(flushed at start and end), a moto S3 server in this process with the media
bucket (images public, as the README's bucket policy)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator

from scripts.local_nginx import free_port

POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BUCKET = "flensburg-media"
S3_KEY, S3_SECRET, S3_REGION = "testing", "testing", "us-east-1"
PUBLIC_IMAGES = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/images/*",
                f"arn:aws:s3:::{BUCKET}/original_images/*",
            ],
        }
    ],
}


def psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(sql)


@contextlib.contextmanager
def postgres_database(name: str) -> Iterator[str]:
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def redis_database(url: str) -> Iterator[str]:
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        with contextlib.suppress(redis.RedisError):
            client.flushdb()
        client.close()


@contextlib.contextmanager
def s3_server() -> Iterator[tuple[str, object]]:
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    # Not a line per S3 request on stderr.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=S3_KEY,
            aws_secret_access_key=S3_SECRET,
            region_name=S3_REGION,
        )
        client.create_bucket(Bucket=BUCKET)
        # As the README's production bucket: images public, documents not
        # (those only through the app's serve view, which reads them itself).
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES))
        yield endpoint, client
    finally:
        server.stop()
