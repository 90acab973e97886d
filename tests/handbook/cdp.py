"""A small Chrome DevTools Protocol client over a stdlib WebSocket, for the browser test.

Starts the system's headless Chromium with a fresh profile, connects to its first
page, and sends commands (``call``) and JavaScript (``evaluate``). Only what the test
needs: text frames, no extensions, events ignored.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
START_SECONDS = 30


def chromium() -> str | None:
    """The system Chromium, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


class CdpError(RuntimeError):
    pass


class Browser:
    """Headless Chromium and a DevTools connection to its page."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.process = subprocess.Popen(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_SECONDS
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise CdpError("chromium did not start")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t.get("type") == "page")
        self.socket = _connect(page["webSocketDebuggerUrl"])
        self.next_id = 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        _send(self.socket, json.dumps(message).encode())
        while True:
            answer = json.loads(_receive(self.socket))
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise CdpError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise CdpError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def open(self, url: str, width: int, height: int) -> None:
        """Load ``url`` in a ``width`` x ``height`` viewport (a phone's below 600 px)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + START_SECONDS
        while self.evaluate("document.readyState + ' ' + location.href") != f"complete {url}":
            if time.monotonic() > deadline:
                raise CdpError(f"{url} did not load")
            time.sleep(0.05)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        sock = getattr(self, "socket", None)
        if sock is not None:
            sock.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _connect(url: str) -> socket.socket:
    rest = url.removeprefix("ws://")
    hostport, _, path = rest.partition("/")
    host, _, port = hostport.partition(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(request.encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            raise CdpError("the DevTools socket closed during the handshake")
        head += chunk
    if not head.startswith(b"HTTP/1.1 101"):
        raise CdpError(head.decode(errors="replace").splitlines()[0])
    return sock


def _send(sock: socket.socket, payload: bytes) -> None:
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, 0x80 | size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x81, 0x80 | 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 0x80 | 127, size)
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    sock.sendall(header + mask + masked)


def _exactly(sock: socket.socket, count: int) -> bytes:
    data = bytearray()
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise CdpError("the DevTools socket closed")
        data += chunk
    return bytes(data)


def _receive(sock: socket.socket) -> bytes:
    """One whole message (continuation frames joined)."""
    message = bytearray()
    while True:
        first, second = _exactly(sock, 2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", _exactly(sock, 2))[0]
        elif size == 127:
            size = struct.unpack("!Q", _exactly(sock, 8))[0]
        mask = _exactly(sock, 4) if second & 0x80 else b""
        data = _exactly(sock, size)
        if mask:
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        if first & 0x0F == 0x8:
            raise CdpError("the browser closed the DevTools connection")
        if first & 0x0F in (0x9, 0xA):  # ping/pong: not part of a message
            continue
        message += data
        if first & 0x80:
            return bytes(message)
