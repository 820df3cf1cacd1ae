#!/bin/sh
# Install Valuation Workbench for the current user (or system-wide with
# PREFIX=/usr/local, as root) from this unpacked archive. No network needed.
#   ./install.sh              install into ~/.local
#   ./install.sh --uninstall  remove it again
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APP=valuation-workbench
PREFIX=${PREFIX:-"$HOME/.local"}
DEST="$PREFIX/opt/$APP"
BIN="$PREFIX/bin"
APPS="$PREFIX/share/applications"
ICONS="$PREFIX/share/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$DEST"
    rm -f "$BIN/$APP" "$APPS/$APP.desktop"
    for f in "$ICONS"/*/apps/$APP.png "$ICONS"/scalable/apps/$APP.svg; do rm -f "$f"; done
    echo "removed $APP from $PREFIX"
    exit 0
fi

mkdir -p "$PREFIX/opt" "$BIN" "$APPS"
rm -rf "$DEST.new"
cp -R "$HERE/$APP" "$DEST.new"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"
ln -sf "$DEST/$APP" "$BIN/$APP"

for dir in "$HERE"/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    mkdir -p "$ICONS/$size/apps"
    cp "$dir"/* "$ICONS/$size/apps/"
done

# The menu entry runs the installed executable by its absolute path, so it
# works even when $BIN is not on PATH.
sed -e "s|^Exec=.*|Exec=\"$DEST/$APP\" %f|" -e "s|^TryExec=.*|TryExec=$DEST/$APP|" \
    "$HERE/$APP.desktop" > "$APPS/$APP.desktop"
chmod 644 "$APPS/$APP.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true

echo "installed $APP into $DEST"
echo "start it from the applications menu, or run: $BIN/$APP"
