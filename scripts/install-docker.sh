#!/usr/bin/env bash
# Installs and starts what restore-drill needs from the machine: Docker engine (Debian's docker.io),
# compose v2 (Debian sid's docker-compose package: it depends only on libc6 and runs on bookworm with
# engine 20.10), and debootstrap for the reference base image. Idempotent: installs only what is missing.
# Needs root (or sudo) on Debian 12. Prints one line per step.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
step() { printf '[install-docker] %s\n' "$*"; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -q >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

if ! command -v dockerd >/dev/null 2>&1; then
  step "installing docker.io (Docker engine) from Debian"
  apt_install docker.io
else
  step "Docker engine present: $(dockerd --version)"
fi

# restic: the drill reads backups shipped to a restic repository with the real program (-Ddrill.backups=restic:…).
for tool in debootstrap curl restic; do
  if ! command -v "$tool" >/dev/null 2>&1; then step "installing $tool"; apt_install "$tool"; fi
done
# sshd: SshForwardIT reaches an engine through ssh:// as a drill host behind ssh is reached.
if [ ! -x /usr/sbin/sshd ]; then step "installing openssh-server"; apt_install openssh-server openssh-client; fi

if ! docker compose version >/dev/null 2>&1; then
  step "installing compose v2 (docker-compose from Debian sid)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial"
  cat > "$work/sid.sources" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_opts=(-o Dir::Etc::SourceParts=/dev/null -o "Dir::Etc::sourcelist=$work/sid.sources"
            -o "Dir::State::Lists=$work/lists" -o APT::Sandbox::User=root)
  $SUDO apt-get -q "${apt_opts[@]}" update >/dev/null
  (cd "$work" && $SUDO apt-get -q "${apt_opts[@]}" download docker-compose >/dev/null)
  $SUDO dpkg -i "$work"/docker-compose_*.deb >/dev/null
fi
step "compose: $(docker compose version)"

ping_engine() { curl -fsS --max-time 3 --unix-socket /var/run/docker.sock http://docker/_ping >/dev/null 2>&1; }
if ! ping_engine; then
  step "starting dockerd"
  $SUDO sh -c 'nohup dockerd >/var/log/dockerd.log 2>&1 &'
  for _ in $(seq 1 60); do
    ping_engine && break
    sleep 1
  done
  if ! ping_engine; then
    step "dockerd did not answer within 60 s; its log is /var/log/dockerd.log:"
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
fi
step "engine answers: $(docker version --format 'server {{.Server.Version}} (API {{.Server.APIVersion}})')"
