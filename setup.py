"""Packaging beyond what pyproject.toml can say: the top-level resources/ folder (icons,
translations) ships inside the package as `posapp.resources`, without moving it."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["posapp*"]), "posapp.resources"],
    package_dir={"posapp.resources": "resources"},
)
