"""A hung Redis costs one socket timeout, not one per cache call
(caching.cache_breaker), against real sockets on 127.0.0.1."""

import contextlib
import logging
import socket
import threading
import time

from django.core.cache import cache

import pytest

from caching import cache_breaker
from caching.cache_breaker import BreakerRedisCache, CacheUnavailable
from tests.core.servers import silent_server

TIMEOUT = 0.5  # seconds; production has 1


@pytest.fixture
def hung_port():
    with silent_server() as port:
        yield port


def breaker_cache(port, *, timeout=TIMEOUT, ignore=True):
    return BreakerRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": timeout,
                "SOCKET_TIMEOUT": timeout,
                "IGNORE_EXCEPTIONS": ignore,
            }
        },
    )


def production_caches(port):
    """CACHES as settings/base.py builds them for REDIS_URL."""
    return {
        "default": {
            "BACKEND": "caching.cache_breaker.BreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


def timed(call):
    start = time.monotonic()
    result = call()
    return result, time.monotonic() - start


def test_twenty_calls_to_a_hung_redis_cost_one_timeout(hung_port, caplog):
    backend = breaker_cache(hung_port)
    calls = [
        lambda: backend.get("page", "MISSING"),
        lambda: backend.get_many(["a", "b"]),
        lambda: backend.set("page", "html"),
        lambda: backend.add("rate", 1),
        lambda: backend.incr("rate"),
    ] * 4

    first, first_seconds = timed(calls[0])
    results, all_seconds = timed(lambda: [call() for call in calls[1:]])

    assert first == "MISSING"
    assert TIMEOUT * 0.8 < first_seconds < TIMEOUT * 2  # the one timeout
    assert all_seconds < 0.1  # the other 19 skip Redis
    assert results[:4] == [{}, None, None, None]
    warnings = [r for r in caplog.records if r.name == "caching.cache_breaker"]
    assert [r.levelno for r in warnings] == [logging.WARNING]
    assert "circuit breaker open" in warnings[0].getMessage()


def test_without_the_breaker_every_call_waits_for_the_timeout(hung_port):
    """The fault the breaker fixes, measured the same way (two calls)."""
    from django_redis.cache import RedisCache

    plain = RedisCache(
        f"redis://127.0.0.1:{hung_port}/0",
        {"OPTIONS": {"SOCKET_TIMEOUT": TIMEOUT, "IGNORE_EXCEPTIONS": True}},
    )

    _, seconds = timed(lambda: [plain.get("a"), plain.get("b")])

    assert seconds > TIMEOUT * 1.8


def test_a_page_answers_in_normal_time_with_a_hung_redis(
    client, office, settings, hung_port, monkeypatch
):
    client.get(office.url)  # templates loaded, as in a running worker
    settings.CACHES = production_caches(hung_port)
    calls = []
    guarded = BreakerRedisCache.call_guarded
    monkeypatch.setattr(
        BreakerRedisCache,
        "call_guarded",
        lambda self, *args, **kwargs: calls.append(1) or guarded(self, *args, **kwargs),
    )

    first, first_seconds = timed(lambda: client.get(office.url))
    second, second_seconds = timed(lambda: client.get(office.url))

    assert first.status_code == second.status_code == 200
    assert "Koordinierungsstelle" in second.content.decode()
    assert len(calls) > 10  # without the breaker: a second each
    assert first_seconds < 1.5  # the one timeout of 1 s, then the database
    assert second_seconds < 0.5


def test_readyz_reports_the_open_breaker_without_waiting(
    client, db, settings, hung_port
):
    settings.CACHES = production_caches(hung_port)

    first, first_seconds = timed(lambda: client.get("/readyz"))
    second, second_seconds = timed(lambda: client.get("/readyz"))

    assert first.status_code == second.status_code == 503
    assert second.json()["checks"] == {"database": "ok", "cache": "error"}
    reason = second.json()["reasons"]["cache"]
    assert reason.startswith("circuit breaker open since ")
    assert "tried again every 30 s" in reason
    assert str(hung_port) not in reason  # no addresses on a public endpoint
    assert first_seconds < 2
    assert second_seconds < 0.5


def test_without_ignore_exceptions_an_open_breaker_raises_at_once(hung_port):
    backend = breaker_cache(hung_port, ignore=False)

    with pytest.raises(Exception, match="Timeout"):
        backend.get("a")
    start = time.monotonic()
    with pytest.raises(CacheUnavailable):
        backend.set("a", 1)
    assert time.monotonic() - start < 0.1


# Half-open: a Redis that answers again ------------------------------------------


@contextlib.contextmanager
def switchable_redis():
    """127.0.0.1 server that is silent until ``answering`` is set, then speaks
    just enough RESP: nil for GET, OK for everything else."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    answering, stop = threading.Event(), threading.Event()

    def serve(connection):
        # OSError: the client gave up on a silent answer and hung up.
        with (
            contextlib.suppress(OSError),
            connection,
            connection.makefile("rb") as stream,
        ):
            while not stop.is_set():
                header = stream.readline()  # *<n> (a command as a RESP array)
                if not header:
                    return
                words = []
                for _ in range(int(header[1:])):
                    size = int(stream.readline()[1:])
                    words.append(stream.read(size + 2)[:-2])
                while not answering.is_set():
                    if stop.wait(0.05):
                        return
                reply = b"$-1\r\n" if words[0].upper() == b"GET" else b"+OK\r\n"
                connection.sendall(reply)

    def accept():
        deadline = time.monotonic() + 120
        while not stop.is_set() and time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                connection = listener.accept()[0]
                threading.Thread(target=serve, args=(connection,), daemon=True).start()
        listener.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], answering
    finally:
        stop.set()
        thread.join(timeout=5)


def test_after_the_pause_one_trial_call_closes_the_breaker(settings, caplog):
    settings.CACHE_BREAKER_SECONDS = 0.3
    caplog.set_level(logging.DEBUG, logger="caching.cache_breaker")
    with switchable_redis() as (port, answering):
        backend = breaker_cache(port)
        assert backend.get("a", "MISS") == "MISS"  # times out: open
        assert backend.breaker.is_open
        time.sleep(0.35)
        assert backend.get("a", "MISS") == "MISS"  # the trial, times out again
        answering.set()
        assert backend.get("a", "MISS") == "MISS"  # still open: no call
        assert backend.breaker.is_open
        time.sleep(0.35)

        assert backend.set("a", 1) is True  # the trial, answered: closed

        assert not backend.breaker.is_open
        assert backend.get("a", "MISS") == "MISS"  # the toy Redis forgets
    levels = [r.levelname for r in caplog.records if r.name == "caching.cache_breaker"]
    assert levels == ["WARNING", "DEBUG", "INFO"]
    assert "circuit breaker closed" in caplog.records[-1].getMessage()


def test_all_threads_of_a_process_share_one_breaker(hung_port):
    """Django makes one backend object per thread."""
    assert breaker_cache(hung_port).breaker is breaker_cache(hung_port).breaker


def test_log_and_readyz_name_no_password():
    breaker = cache_breaker.breaker_for(
        "redis://:geheim@10.0.0.5:6379/0?password=geheim", seconds=30
    )

    assert breaker.name == "redis://10.0.0.5:6379/0"


def test_local_memory_cache_has_no_breaker():
    assert cache_breaker.breaker_status(cache) is None
