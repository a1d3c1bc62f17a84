"""The Qt desktop app: one package per entity (panel, detail, list model, dialogs) on the
shared `common` and `widgets`, put in a window by `shell`.

Only this package imports Qt widgets. Screens read lists from the offline cache
(`posapp.store`) and call `posapp.services` through `common.app_state.AppState.run`, which
runs them on the worker and announces the tables they changed. Start it with
`posapp.ui.shell.launch.launch_gui`.
"""
