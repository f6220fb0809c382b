#!/usr/bin/env bash
# Install the built .deb packages on this machine, use them, remove them, and check that
# nothing is left but the kiosk's conffile. Needs root and dpkg; run by .ci/run after
# `python3 run.py build`. Everything is purged at the end, also when a check fails: while
# /etc/spasmguide/kiosk.ini exists every start of SpasmGuide on the machine is a kiosk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIST=dist
program=$(ls "$DIST"/spasmguide_*.deb)
kiosk=$(ls "$DIST"/spasmguide-kiosk_*_all.deb)
pack=$(ls "$DIST"/spasmguide-content-en_*_all.deb)
work=$(mktemp -d)

cleanup() {
  dpkg --purge spasmguide-content-en spasmguide-kiosk spasmguide >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "deb check: $*" >&2; exit 1; }

if dpkg -s spasmguide >/dev/null 2>&1; then
  fail "spasmguide is already installed here; not touching it"
fi

dpkg -i "$program" >/dev/null
export QT_QPA_PLATFORM=offscreen HOME="$work" XDG_CONFIG_HOME="$work/config" \
  XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
[ "$(command -v spasmguide)" = /usr/bin/spasmguide ] || fail "spasmguide is not on PATH"
spasmguide --version | grep -q '^SpasmGuide ' || fail "spasmguide --version"
spasmguide search cramp --json | python3 -c 'import json,sys; assert json.load(sys.stdin)' \
  || fail "spasmguide search cramp --json gave no results"
[ ! -e /etc/spasmguide/kiosk.ini ] || fail "the program package must not make a kiosk"
for file in /usr/share/applications/org.spasmguide.SpasmGuide.desktop \
            /usr/share/metainfo/org.spasmguide.SpasmGuide.metainfo.xml \
            /usr/share/icons/hicolor/256x256/apps/org.spasmguide.SpasmGuide.png \
            /usr/share/icons/hicolor/scalable/apps/org.spasmguide.SpasmGuide.svg; do
  [ -f "$file" ] || fail "$file is missing"
done

# A content pack package: a good pack is put in use; a broken one is refused.
dpkg -i "$pack" >/dev/null
[ -f /var/lib/spasmguide/packs/spasmguide-en/pack.toml ] || fail "the pack was not put in use"
spasmguide check-content /var/lib/spasmguide/packs/spasmguide-en >/dev/null
cp -R resources/content/en "$work/broken"
sed -i 's/^version = .*/version = "99.0"/' "$work/broken/pack.toml"
rm "$work/broken/causes.md"
python3 packaging/build.py build-pack --no-lintian --out "$work/debs" "$work/broken" >/dev/null
if dpkg -i "$work"/debs/spasmguide-content-en_99.0_all.deb >"$work/log" 2>&1; then
  fail "a broken pack was installed"
fi
grep -q "causes.md" "$work/log" || fail "the refusal does not say what is wrong"
grep -q '^version = "1' /var/lib/spasmguide/packs/spasmguide-en/pack.toml \
  || fail "the pack in use was changed by a broken one"
dpkg -r spasmguide-content-en >/dev/null
[ ! -e /var/lib/spasmguide/packs/spasmguide-en ] || fail "the pack in use was left behind"

# The kiosk: a system user, the conffile readable by it only, the unit installed not enabled.
dpkg -i "$kiosk" >/dev/null
getent passwd spasmguide >/dev/null || fail "no spasmguide user"
[ "$(stat -c '%U:%G %a' /etc/spasmguide/kiosk.ini)" = "root:spasmguide 640" ] \
  || fail "kiosk.ini is $(stat -c '%U:%G %a' /etc/spasmguide/kiosk.ini)"
[ -f /lib/systemd/system/spasmguide-kiosk.service ] || fail "no kiosk unit"
if command -v systemctl >/dev/null; then
  state=$(systemctl is-enabled spasmguide-kiosk.service 2>/dev/null || true)
  [ "$state" != enabled ] || fail "the kiosk unit was enabled on install"
fi
dpkg -r spasmguide-kiosk spasmguide >/dev/null

# Nothing left but the conffile.
left=$(find /usr/lib/spasmguide /usr/share/spasmguide /var/lib/spasmguide /etc/spasmguide \
         /usr/bin/spasmguide /usr/share/applications/org.spasmguide.SpasmGuide.desktop \
         -mindepth 0 2>/dev/null | grep -v '^/etc/spasmguide$' || true)
[ "$left" = /etc/spasmguide/kiosk.ini ] || fail "left after dpkg -r: ${left:-nothing}"
dpkg --purge spasmguide-kiosk >/dev/null
[ ! -e /etc/spasmguide/kiosk.ini ] || fail "the conffile stayed after a purge"
echo "deb check: installed, ran, refused a broken pack, removed; only the conffile stayed until purge"
