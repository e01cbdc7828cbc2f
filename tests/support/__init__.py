"""Shared test support, which benchmarks and deploy's scale demo import too.

packs (small content packs), pgcluster (a throwaway PostgreSQL), needs (a missing system part),
ports (a free loopback port), servers (hall replicas, nginx, a process's RSS and CPU),
streamlit_screen and streamlit_client (Streamlit's websocket protocol as a browser speaks it),
load and load_report (simulated visitors and their figures), browser (Debian's Chromium),
apptest (AppTest helpers).
"""
