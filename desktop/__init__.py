"""Guichet: the offline welcome desk of a citizens' convention."""


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for (--version, the
    # self-test): importlib.metadata scans every installed package, too slow for each start.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("guichet")
    except PackageNotFoundError:  # running from a source tree or a frozen bundle
        return "0.1.0"
