"""The application shell: controller, launch, main window, top and status bars, search
(Ctrl+K), settings, welcome, profiles, start-up recovery, crash reports."""
