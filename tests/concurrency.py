"""Helpers for tests where two web processes act at once: each thread has its own connection."""

import threading


def in_own_connection(function):
    """Run ``function`` in a thread with its own (autocommitted) database connection."""
    outcome = {}

    def run():
        from django.db import connection as thread_connection

        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - handed back to the test.
            outcome["error"] = error
        finally:
            thread_connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def race(functions) -> list:
    """Start the functions at the same moment, each in its own connection; return outcomes (value or error)."""
    barrier = threading.Barrier(len(functions))
    outcomes = [None] * len(functions)

    def runner(index, function):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=10)
            outcomes[index] = function()
        except BaseException as error:  # noqa: BLE001 - handed back to the test.
            outcomes[index] = error
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=runner, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
