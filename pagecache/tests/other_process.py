"""A second portal, in other processes: gunicorn with two workers on the test database and the same cache table.

This is what another worker or another server sees. The tests publish in their own process (through the admin's
views, with the Django test client) and read the public pages from here, over HTTP: a change that reached only the
publishing process's memory would be missed here.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db import connection

WORKERS = 2


@dataclass
class Answer:
    status: int
    headers: dict
    text: str

    @property
    def cache_state(self):
        return self.headers.get("x-page-cache")


def database_url():
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OtherProcess:
    def __init__(self):
        self.port = free_port()
        env = {
            **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(),
            "PORTAL_TEST_CACHE": "database",
            "PAGE_CACHE_SECONDS": "600",
        }
        command = [sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.conf.py", "--workers", str(WORKERS)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        self.master = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603 - our own server
        self._wait_until_serving(set())

    def get(self, path, headers=None, method="GET"):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, headers=headers or {})
            response = conn.getresponse()
            body = response.read().decode()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
        finally:
            conn.close()

    def workers(self):
        result = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.master.pid)], capture_output=True, text=True)  # noqa: S603, S607
        return {int(pid) for pid in result.stdout.split()}

    def restart_workers(self):
        """New workers, forked afresh from the master: the test database is flushed between tests, and a worker's
        process-wide memory (content types by id) must not outlive it."""
        old = self.workers()
        self.master.send_signal(signal.SIGHUP)
        self._wait_until_serving(old)

    def _wait_until_serving(self, old_workers):
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.master.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.master.returncode}")
            workers = self.workers()
            if len(workers) == WORKERS and not workers & old_workers:
                try:
                    if self.get("/healthz").status == 200:
                        return
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start serving in time")

    def stop(self):
        self.master.terminate()
        self.master.wait(timeout=60)
