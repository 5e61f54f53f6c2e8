"""`make bench-memory`: a gunicorn worker's resident memory after 1,000 and after 10,000 requests.

One worker serves a mix of list, detail, filter and search requests (response cache off, so every
request builds its response); the target is growth under 10% between the two readings.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PORT, serve

ROOT = Path(__file__).resolve().parent.parent


def worker_rss_kib(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    status = Path(f"/proc/{children[0]}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def drive(requests):
    """Exactly `requests` requests over the mix, at 4 connections."""
    paths = [p for p in (ROOT / "bench" / "mix.txt").read_text().splitlines() if p and not p.startswith("#")]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as urls:
        for index in range(requests):
            urls.write(f"http://127.0.0.1:{PORT}{paths[index % len(paths)]}\n")
    subprocess.run(f"xargs -P 4 -n 1 curl -s -o /dev/null < {urls.name}", shell=True, check=True, cwd=ROOT)
    os.unlink(urls.name)


def main():
    pidfile = serve({"API_RESPONSE_CACHE_SECONDS": "0", "API_THROTTLE_RATE": ""}, workers=1)
    master = Path(pidfile).read_text().strip()
    try:
        drive(1000)
        after_1k = worker_rss_kib(master)
        drive(9000)
        after_10k = worker_rss_kib(master)
    finally:
        subprocess.run(["kill", master], check=False)
    growth = (after_10k - after_1k) / after_1k
    print(f"worker RSS after 1,000 requests: {after_1k / 1024:.1f} MiB")
    print(f"worker RSS after 10,000 requests: {after_10k / 1024:.1f} MiB")
    print(f"growth: {growth:+.1%} (target under 10%: {'met' if growth < 0.10 else 'NOT met'})")


if __name__ == "__main__":
    main()
