"""Browser tests: the real app under `streamlit run`, driven by headless Chromium."""
