"""The Qt desktop app: main window, panels, list models over the cache, dialogs.

Only this package imports Qt widgets. It reaches Stripe solely through `posapp.worker` jobs
that call `posapp.services`, and reads lists from the offline cache (`posapp.store`).
Start it with `posapp.ui.shell.launch.launch_gui`.
"""
