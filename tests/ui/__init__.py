"""Tests for the Streamlit helpers in ui/ that only draw."""
