"""The domain and its storage. Plain Python: this package never imports Qt."""
