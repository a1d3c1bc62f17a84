"""The Terminal reader tender of the collect screen and the readers dialog."""
