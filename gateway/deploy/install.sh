#!/bin/sh
# Installs a published gateway (dotnet publish gateway/Edge.Gateway -c Release -r linux-arm64 --self-contained)
# as the systemd service edge-gateway. Idempotent: run it again with a newer folder to upgrade.
#
#   sudo ./install.sh [--root DIR] [--no-start] PUBLISHED_DIR [CONFIG_JSON]
#
#   PUBLISHED_DIR  the publish output (holds the executable Edge.Gateway); copied to /opt/edge-gateway,
#                  replacing what was there (files the new build lacks are removed).
#   CONFIG_JSON    the gateway's settings (gateway id, devices, ingest URL and key), installed as
#                  /etc/edge-gateway/gateway.json (mode 0640, group edge-gateway) only if that file does not exist
#                  yet: an existing configuration is never overwritten. Without it, a first install writes a
#                  template to fill in, and the service is not started until then.
#   --root DIR     install into DIR instead of / (an image being built, or a test): no service is started.
#   --no-start     enable the service but do not (re)start it.
#
# Also: the service user edge-gateway (systemd-sysusers, member of dialout, gpio and i2c), the unit in
# /etc/systemd/system, enabled for multi-user.target. The data stay in /var/lib/edge-gateway (StateDirectory=),
# which systemd creates and this script never touches.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=/
start=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --root=*) root=${1#--root=}; shift ;;
    --no-start) start=no; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: install.sh [--root DIR] [--no-start] PUBLISHED_DIR [CONFIG_JSON]" >&2; exit 2; }
published=$(cd "$1" && pwd)
config=${2:-}
[ -x "$published/Edge.Gateway" ] || { echo "install.sh: $published/Edge.Gateway is missing or not executable (a self-contained publish?)" >&2; exit 2; }
[ -z "$config" ] || [ -f "$config" ] || { echo "install.sh: config $config not found" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root" >&2; exit 1; }
root=$(mkdir -p "$root" && cd "$root" && pwd)
r=${root%/}            # prefix for paths: "" for /
live=no
if [ "$root" = / ] && [ -d /run/systemd/system ]; then live=yes; fi

app="$r/opt/edge-gateway"
etc="$r/etc/edge-gateway"
unit_dir="$r/etc/systemd/system"

# 1. The service user, declared for systemd-sysusers (also re-created by it at boot if it goes missing).
mkdir -p "$r/etc"
install -D -m 0644 "$here/edge-gateway.sysusers" "$r/usr/lib/sysusers.d/edge-gateway.conf"
if command -v systemd-sysusers >/dev/null 2>&1; then
  if [ "$root" = / ]; then systemd-sysusers edge-gateway.conf; else systemd-sysusers --root="$root" edge-gateway.conf; fi
elif [ "$root" = / ]; then
  getent group edge-gateway >/dev/null || groupadd --system edge-gateway
  getent passwd edge-gateway >/dev/null || useradd --system --gid edge-gateway --home-dir /var/lib/edge-gateway --shell /usr/sbin/nologin --comment "Edge gateway" edge-gateway
  for g in gpio i2c; do getent group "$g" >/dev/null || groupadd --system "$g"; done
  usermod -a -G dialout,gpio,i2c edge-gateway
else
  echo "install.sh: --root needs systemd-sysusers" >&2; exit 1
fi

# 2. The program: copied beside the old one, then swapped in with two renames, so a failed copy leaves the old
#    installation intact. Owned by root: the service user cannot change its own program.
mkdir -p "$r/opt"
rm -rf "$app.new" "$app.old"
cp -R "$published" "$app.new"
chown -R 0:0 "$app.new"
chmod -R u=rwX,go=rX "$app.new"
chmod 0755 "$app.new/Edge.Gateway"
cp "$here/../Edge.Gateway/README.md" "$app.new/README.md" 2>/dev/null || true
if [ -e "$app" ]; then mv "$app" "$app.old"; fi
mv "$app.new" "$app"
rm -rf "$app.old"

# 3. The configuration: never overwritten. Readable by the service's group only (device passwords, API key).
mkdir -p "$etc"
chmod 0755 "$etc"
fresh_template=no
if [ ! -e "$etc/gateway.json" ]; then
  if [ -n "$config" ]; then
    cp "$config" "$etc/gateway.json"
  else
    cp "$here/gateway.example.json" "$etc/gateway.json"
    fresh_template=yes
  fi
  echo "installed $etc/gateway.json"
else
  echo "kept $etc/gateway.json"
fi
gid=$(awk -F: '$1 == "edge-gateway" { print $3 }' "$r/etc/group")
chown "0:$gid" "$etc/gateway.json"
chmod 0640 "$etc/gateway.json"

# 4. The unit, enabled.
install -D -m 0644 "$here/edge-gateway.service" "$unit_dir/edge-gateway.service"
if [ "$live" = yes ]; then
  systemctl daemon-reload
  systemctl enable edge-gateway.service
  if [ "$start" = yes ] && [ "$fresh_template" = no ]; then
    systemctl restart edge-gateway.service
    echo "started edge-gateway.service (systemctl status edge-gateway; journalctl -u edge-gateway -f)"
  fi
else
  systemctl --root="$root" enable edge-gateway.service
fi
if [ "$fresh_template" = yes ]; then
  echo "edit $etc/gateway.json (Id, Devices, Ingest), then: systemctl restart edge-gateway"
fi
echo "installed $app"
