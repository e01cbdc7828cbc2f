"""The hall's entry point: `streamlit run hall_app.py` frames every room and routes to it."""

from hall.ui.frame import run

run()
