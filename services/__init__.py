"""The service layer: what each page, PDF and export shows, computed from storage (no Streamlit)."""
