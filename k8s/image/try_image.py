#!/usr/bin/env python3
"""Runs an image archive (`docker save` format, as Jib writes it) without a container runtime, to check that it starts:
unpacks its layers into a folder, runs its entrypoint as its user in a chroot (with /proc mounted in a private mount
namespace; root needed), waits until URL answers 200, then stops it. Extra NAME=VALUE arguments are added to the
image's environment. Usage: try_image.py IMAGE.tar URL [NAME=VALUE ...]"""
import json
import os
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request


def unpack(image, root):
    with tarfile.open(image) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))[0]
        config = json.load(archive.extractfile(manifest["Config"]))["config"]
        for name in manifest["Layers"]:
            with tarfile.open(fileobj=archive.extractfile(name)) as layer:
                layer.extractall(root, numeric_owner=True, filter="fully_trusted")
    return config


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status == 200
    except OSError:
        return False


def main(image, url, *extra):
    with tempfile.TemporaryDirectory() as root:
        os.chmod(root, 0o755)  # the image's "/": the temporary folder is the owner's only
        config = unpack(image, root)
        command = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
        env = (config.get("Env") or []) + list(extra)
        user = config.get("User") or "0:0"
        workdir = config.get("WorkingDir") or "/"
        script = ('mount -t proc proc "$0/proc" && exec chroot --userspec=%s "$0" /usr/bin/env -C %s -i %s %s'
                  % (shlex.quote(user), shlex.quote(workdir), " ".join(map(shlex.quote, env)), " ".join(map(shlex.quote, command))))
        print(f"[try-image] {image}: user {user}, {' '.join(command)}", file=sys.stderr)
        log = open(os.path.join(tempfile.gettempdir(), "try-image.log"), "w")
        process = subprocess.Popen(["unshare", "-m", "--propagation", "private", "sh", "-c", script, root],
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started = time.monotonic()
        try:
            while not answers(url):
                if process.poll() is not None:
                    sys.exit(f"[try-image] it stopped (exit {process.returncode}): see {log.name}")
                if time.monotonic() - started > 300:
                    sys.exit(f"[try-image] no answer from {url} within 300 s: see {log.name}")
                time.sleep(2)
            print(f"[try-image] {url} answered 200 after {time.monotonic() - started:.0f} s", file=sys.stderr)
        finally:
            process.terminate()
            process.wait(timeout=60)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
