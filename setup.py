"""Packaging beyond what pyproject.toml can say: the top-level resources/ folder (icons,
translations) ships inside the package as `posapp.resources`, without moving it."""

from setuptools import find_packages, setup

setup(
    # Each data folder is a package of its own (setuptools warns about folders it would
    # otherwise ship without being told to).
    packages=[*find_packages(include=["posapp*"]), "posapp.resources",
              "posapp.resources.icons", "posapp.resources.translations"],
    package_dir={"posapp.resources": "resources"},
)
