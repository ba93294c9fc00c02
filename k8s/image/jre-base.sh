#!/usr/bin/env bash
# Assembles the images' base offline, from Debian's packages only (no container registry): Debian 12 minbase with
# openjdk-17-jre-headless and the Java CA certificates, a user 10001, as a one-layer `docker save` archive that Jib
# takes as `-Dchorus.image.base=tar://OUT` (ADR 0300). Usage: k8s/image/jre-base.sh [OUT.tar]
# Needs root (debootstrap runs the packages' scripts in a chroot) and Debian's mirror (or the one in MIRROR).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${CHORUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chorus}/image"
OUT="${1:-$CACHE/chorus-jre17-base.tar}"
SUITE="${SUITE:-bookworm}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
say() { printf '\033[1;34m[jre-base]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[jre-base]\033[0m %s\n' "$*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || die "debootstrap needs root to run the packages' scripts in a chroot: run this as root (or in a CI job with root)."
command -v python3 >/dev/null || die "python3 is needed to write the image archive: apt-get install -y python3."
mkdir -p "$CACHE"

# debootstrap from Debian's package, unpacked into the cache (nothing installed system-wide), unless installed
DEBOOTSTRAP="$(command -v debootstrap || true)"
if [[ -z "$DEBOOTSTRAP" ]]; then
  tool="$CACHE/debootstrap"
  if [[ ! -x "$tool/usr/sbin/debootstrap" ]]; then
    say "Fetching Debian's debootstrap into $tool ..."
    (cd "$CACHE" && rm -f debootstrap_*.deb && apt-get download debootstrap >/dev/null 2>&1) \
      || die "apt-get download debootstrap failed: run 'apt-get update' and retry."
    dpkg-deb -x "$CACHE"/debootstrap_*.deb "$tool"
  fi
  export DEBOOTSTRAP_DIR="$tool/usr/share/debootstrap"
  DEBOOTSTRAP="$tool/usr/sbin/debootstrap"
fi

rootfs="$CACHE/rootfs.$$"
trap 'rm -rf "$rootfs"' EXIT
say "Installing $SUITE minbase + openjdk-17-jre-headless into a fresh root (about 150 MB of packages; minutes) ..."
"$DEBOOTSTRAP" --variant=minbase --include=openjdk-17-jre-headless,ca-certificates-java "$SUITE" "$rootfs" "$MIRROR" \
  >"$CACHE/debootstrap.log" 2>&1 || die "debootstrap failed: see $CACHE/debootstrap.log (the mirror $MIRROR must answer)."

# runs a command in the new root with /proc mounted (java needs it), in a mount namespace of its own: nothing stays mounted
in_root() { unshare -m --propagation private sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$rootfs" "$@"; }

# debootstrap takes the suite's release only: the security and point-release updates come from apt in the root
say "Applying Debian's security updates ..."
printf 'deb %s %s main\ndeb %s %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
  "$MIRROR" "$SUITE" "$MIRROR" "$SUITE" "$SUITE" >"$rootfs/etc/apt/sources.list"
in_root apt-get -qq update >>"$CACHE/debootstrap.log" 2>&1 \
  && in_root env DEBIAN_FRONTEND=noninteractive apt-get -qq -y upgrade >>"$CACHE/debootstrap.log" 2>&1 \
  || die "apt-get upgrade in the new root failed: see $CACHE/debootstrap.log."

say "Trimming and adding the user 10001 ..."
[[ -s "$rootfs/etc/ssl/certs/java/cacerts" ]] || die "the Java CA store was not made (ca-certificates-java): see $CACHE/debootstrap.log."
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
  "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/*
echo "chorus:x:10001:10001:Chorus:/tmp:/usr/sbin/nologin" >>"$rootfs/etc/passwd"
echo "chorus:x:10001:" >>"$rootfs/etc/group"
in_root /usr/bin/java -version 2>&1 | head -1 >&2 || die "java does not run in the new root: see $CACHE/debootstrap.log."

python3 "$HERE/docker_archive.py" "$rootfs" "$OUT" "chorus-jre-base:17-$SUITE"
say "Base image: $OUT ($(du -h "$OUT" | cut -f1)). Build the images on it with:"
say "  mvn -Pimage -DskipTests -pl api,mobile-gateway -am package -Dchorus.image.base=tar://$OUT"
