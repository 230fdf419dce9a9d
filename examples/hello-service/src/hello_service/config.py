"""The configuration file, /etc/hello-service/hello-service.conf (INI, read with configparser)."""

import configparser
import ipaddress
from dataclasses import dataclass

DEFAULT_PATH = "/etc/hello-service/hello-service.conf"
LOG_LEVELS = ("debug", "info", "warning", "error")


class ConfigError(Exception):
    """A configuration problem, with the file and key it concerns in the message."""


@dataclass(frozen=True)
class Config:
    listen: str = "127.0.0.1"
    # 8742 is unassigned by IANA and clashes with no common Debian service.
    port: int = 8742
    log_level: str = "info"
    max_body_bytes: int = 1024 * 1024


_KEYS = {"server": {"listen", "port", "max_body_bytes"}, "log": {"level"}}


def parse(text: str, source: str = "<config>") -> Config:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=source)
    except configparser.Error as e:
        raise ConfigError(f"{source}: {e}") from e
    for section in parser.sections():
        if section not in _KEYS:
            raise ConfigError(f"{source}: unknown section [{section}]; known: {', '.join(sorted(_KEYS))}")
        for key in parser[section]:
            if key not in _KEYS[section]:
                raise ConfigError(f"{source}: unknown key {key} in [{section}]")

    server = parser["server"] if parser.has_section("server") else {}
    defaults = Config()
    listen = server.get("listen", defaults.listen).strip()
    try:
        ipaddress.ip_address(listen)
    except ValueError:
        raise ConfigError(f"{source}: [server] listen = {listen!r} is not an IP address") from None
    port = _int(server.get("port"), defaults.port, 0, 65535, f"{source}: [server] port")
    max_body = _int(server.get("max_body_bytes"), defaults.max_body_bytes, 1, 64 << 20, f"{source}: [server] max_body_bytes")
    level = (parser["log"].get("level", defaults.log_level) if parser.has_section("log") else defaults.log_level).strip().lower()
    if level not in LOG_LEVELS:
        raise ConfigError(f"{source}: [log] level = {level!r}; use one of {', '.join(LOG_LEVELS)}")
    return Config(listen=listen, port=port, log_level=level, max_body_bytes=max_body)


def load(path: str = DEFAULT_PATH) -> Config:
    try:
        with open(path, encoding="utf-8") as f:
            return parse(f.read(), path)
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}") from e


def _int(raw, default: int, low: int, high: int, what: str) -> int:
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{what} = {raw!r} is not a number") from None
    if not low <= value <= high:
        raise ConfigError(f"{what} = {value} is outside {low}..{high}")
    return value
