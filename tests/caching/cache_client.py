"""Requests through the page cache, for the cache tests."""

import re


def warm(client, url):
    """Request twice; the second answer must come from the cache."""
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    second = client.get(url)
    assert second["X-Cache"] == "HIT"
    return second


def s_maxage(response) -> int:
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
