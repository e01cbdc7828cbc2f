#!/usr/bin/env bash
# Start a hall touchscreen: full-screen Chromium on the kiosk server, with nothing a visitor
# could use to leave it (no pinch zoom, no swipe-back, no translate bar, no first-run pages,
# no crash bubble) and a screen that never blanks. Run it in the screen user's X session.
#   HALL_URL=http://127.0.0.1:8501/ kiosk/launch-screen.sh
set -euo pipefail
url="${HALL_URL:-http://127.0.0.1:8501/}"
# Never blank or power down the screen.
if command -v xset >/dev/null; then xset s off; xset s noblank; xset -dpms; fi
exec chromium \
  --kiosk "$url" \
  --incognito \
  --noerrdialogs --disable-session-crashed-bubble --disable-infobars \
  --no-first-run --no-default-browser-check \
  --disable-features=Translate,TranslateUI,OverscrollHistoryNavigation \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  --disable-background-networking --check-for-update-interval=31536000 \
  --lang=zh-CN \
  --autoplay-policy=no-user-gesture-required
