#!/usr/bin/env python3
"""Log a training run to a Raciflow server using only the Python standard library.

Usage: python3 log_run.py [BASE_URL]   (default: $RACIFLOW_URL or http://127.0.0.1:5000)

Creates a run in experiment "python-demo", logs params, a metric curve in one batch, a tag and an artifact,
then ends the run as finished (or failed, with the error, if anything goes wrong). Prints the run as JSON.
"""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("RACIFLOW_URL", "http://127.0.0.1:5000")).rstrip("/")
API = BASE + "/api/v1"


def call(method, path, body=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(API + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
            return json.loads(payload) if payload else None
    except urllib.error.HTTPError as error:
        # Raciflow answers errors with RFC 7807 problem details: show the message, not a traceback.
        problem = json.loads(error.read() or b"{}")
        raise SystemExit(f"{method} {path} failed ({error.code}): {problem.get('detail', error.reason)}")


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    run = call("POST", "/runs", {
        "experiment": "python-demo",
        "name": "urllib-run",
        "tags": {"client": "python"},
        "gitCommit": git_commit(),
        "commandLine": " ".join([sys.executable] + sys.argv),
        "packageVersions": {"python": sys.version.split()[0]},
    })["run"]
    run_id = run["id"]
    try:
        losses = [1.0 / (epoch + 1) for epoch in range(10)]
        call("POST", f"/runs/{run_id}/batch", {
            "params": {"learning_rate": "0.01", "epochs": "10"},
            "metrics": [{"key": "loss", "value": loss, "step": step} for step, loss in enumerate(losses)],
            "tags": {"stage": "demo"},
        })
        call("POST", f"/runs/{run_id}/metrics", {"key": "accuracy", "value": 0.93})
        call("PUT", f"/runs/{run_id}/artifacts/notes/summary.txt", raw=b"final loss 0.1\n", content_type="application/octet-stream")
        call("PATCH", f"/runs/{run_id}", {"status": "finished"})
    except BaseException as error:
        call("PATCH", f"/runs/{run_id}", {"status": "failed", "errorMessage": str(error)})
        raise
    print(json.dumps(call("GET", f"/runs/{run_id}"), indent=2))


if __name__ == "__main__":
    main()
