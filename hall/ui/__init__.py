"""Shared Streamlit widgets of the hall: the frame, cards, paging, navigation."""
