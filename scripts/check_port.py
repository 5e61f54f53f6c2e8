"""Exits 1 with a plain message, not runserver's error, when `make run` would serve on an address it cannot take.

Usage: check_port.py HOST PORT. The probe sets SO_REUSEADDR as runserver does, so a port whose last server has
just stopped counts as free, and only a port someone is listening on counts as in use.
"""

import errno
import socket
import sys


def bindable(host, port):
    """None when HOST:PORT can be listened on, else the OSError that says why not."""
    family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return error
    return None


def main(host, port):
    try:
        port = int(port)
        error = bindable(host, port)
    except (ValueError, OverflowError, socket.gaierror) as problem:
        print(f"Cannot serve on {host}:{port}: {problem}; choose with `make run HOST=… PORT=…`", file=sys.stderr)
        return 1
    if error is None:
        return 0
    if error.errno == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + 100, 65536)) if bindable(host, p) is None), None)
        example = f"`make run PORT={free}`" if free else "`make run PORT=…`"
        print(f"Port {port} on {host} is in use; choose another with {example}", file=sys.stderr)
    else:
        print(f"Cannot serve on {host}:{port}: {error.strerror}; choose with `make run HOST=… PORT=…`", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
