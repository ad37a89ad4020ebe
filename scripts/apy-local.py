#!/usr/bin/python3
"""Runs Apertium APy bound to 127.0.0.1 only.

APy 0.11.7 has no bind-address option: tornado's TCPServer.bind listens on every interface
when no address is given. Default it to loopback, then hand over to APy's own main().
Usage: apy-local.py [APy arguments…], e.g. apy-local.py -p 2737 /usr/share/apertium/modes
"""
import sys

import tornado.tcpserver

_bind = tornado.tcpserver.TCPServer.bind


def _loopback_bind(self, port, address=None, *args, **kwargs):
    return _bind(self, port, address or "127.0.0.1", *args, **kwargs)


tornado.tcpserver.TCPServer.bind = _loopback_bind

from apertium_apy.apy import main  # noqa: E402

sys.exit(main())
