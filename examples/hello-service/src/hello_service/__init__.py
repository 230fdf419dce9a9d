"""hello-service: a small HTTP service whose text transforms run in a C extension."""

try:
    from ._version import VERSION as __version__
except ImportError:  # running from the source tree: build.sh writes _version.py
    __version__ = "0+unknown"
