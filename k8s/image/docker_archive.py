#!/usr/bin/env python3
"""Packs a root file system folder into a one-layer image archive in `docker save` format, which Jib takes as a base
image (`tar:///path/base.tar`) and `docker load` / `ctr images import` read. Usage: docker_archive.py ROOTFS OUT.tar TAG"""
import hashlib
import io
import json
import os
import sys
import tarfile
import tempfile

ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"]


def layer(rootfs, path):
    """The folder as a tar with numeric owners and fixed times, so the same folder gives the same layer."""
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for entry in sorted(os.listdir(rootfs)):
            tar.add(os.path.join(rootfs, entry), arcname=entry, filter=reset_times)


def reset_times(info):
    info.mtime = 0
    info.uname = info.gname = ""
    return info


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(rootfs, out, tag):
    with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(out))) as work:
        layer_path = os.path.join(work, "layer.tar")
        layer(rootfs, layer_path)
        diff_id = sha256(layer_path)
        config = json.dumps({
            "architecture": "amd64", "os": "linux",
            "config": {"Env": ENV, "User": "10001:10001", "WorkingDir": "/"},
            "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
            "history": [{"created_by": "k8s/image/jre-base.sh: debootstrap bookworm minbase + openjdk-17-jre-headless"}],
        }, sort_keys=True).encode()
        config_name = hashlib.sha256(config).hexdigest() + ".json"
        manifest = json.dumps([{"Config": config_name, "RepoTags": [tag], "Layers": [diff_id + "/layer.tar"]}]).encode()
        with tarfile.open(out, "w") as archive:
            archive.add(layer_path, arcname=diff_id + "/layer.tar")
            for name, data in ((config_name, config), ("manifest.json", manifest)):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    print(f"{out}: {tag}, one layer sha256:{diff_id}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
