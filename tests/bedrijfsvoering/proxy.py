"""A TCP relay the fault test controls, in front of the shared PostgreSQL server: the server
itself is never stopped (other people use it), only the connections through this relay.

Modes: `open` relays; `weigeren` accepts a new connection and resets it at once (the database
refuses); `hangen` accepts and never answers (the network swallows packets: only a connect
timeout ends the wait). `knippen()` resets every relayed connection now (the database died).
"""

import contextlib
import socket
import struct
import threading

OPEN, WEIGEREN, HANGEN = "open", "weigeren", "hangen"


def _reset(sok: socket.socket) -> None:
    """Cut now, with a RST rather than a FIN where the kernel still can, like a machine that
    went away. shutdown() first: close() alone would not wake a thread blocked in recv() on
    this socket, and the kernel keeps the connection open until it returns."""
    with contextlib.suppress(OSError):
        sok.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sok.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sok.close()


class Proxy:
    def __init__(self, doel_host: str, doel_poort: int):
        self.doel = (doel_host, doel_poort)
        self.modus = OPEN
        self._luister = socket.socket()
        self._luister.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._luister.bind(("127.0.0.1", 0))
        self._luister.listen(128)
        self._luister.settimeout(0.2)
        self.poort = self._luister.getsockname()[1]
        self._verbindingen: set[socket.socket] = set()
        self._slot = threading.Lock()
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._accepteren, daemon=True)
        self._draad.start()

    # --- control ---------------------------------------------------------------------------

    def knippen(self) -> int:
        """Reset every connection through the relay; returns how many sockets."""
        with self._slot:
            verbindingen, self._verbindingen = self._verbindingen, set()
        for sok in verbindingen:
            _reset(sok)
        return len(verbindingen)

    def zet(self, modus: str) -> None:
        self.modus = modus
        if modus == OPEN:
            self.knippen()  # the hanging ones, too: a client gave up on them anyway

    def stop(self) -> None:
        self._stop.set()
        self._draad.join(timeout=5)
        self._luister.close()
        self.knippen()

    # --- relay -----------------------------------------------------------------------------

    def _bewaar(self, *sokken) -> None:
        with self._slot:
            self._verbindingen.update(sokken)

    def _accepteren(self) -> None:
        while not self._stop.is_set():
            try:
                klant, _adres = self._luister.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.modus == WEIGEREN:
                _reset(klant)
            elif self.modus == HANGEN:
                self._bewaar(klant)
            else:
                threading.Thread(target=self._verbinden, args=(klant,), daemon=True).start()

    def _verbinden(self, klant: socket.socket) -> None:
        try:
            server = socket.create_connection(self.doel, timeout=5)
        except OSError:
            _reset(klant)
            return
        server.settimeout(None)
        self._bewaar(klant, server)
        for van, naar in ((klant, server), (server, klant)):
            threading.Thread(target=self._pompen, args=(van, naar), daemon=True).start()

    def _pompen(self, van: socket.socket, naar: socket.socket) -> None:
        try:
            while True:
                data = van.recv(65536)
                if not data:
                    break
                naar.sendall(data)
        except OSError:
            pass
        for sok in (van, naar):  # an ordinary close: the client or the server hung up
            with contextlib.suppress(OSError):
                sok.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sok.close()
        with self._slot:
            self._verbindingen.discard(van)
            self._verbindingen.discard(naar)
