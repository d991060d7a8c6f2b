"""A throwaway PostgreSQL cluster that checks passwords (scram-sha-256), optionally with TLS.

The office server on this machine trusts local connections, so tests of
logins, passwords, roles and TLS start a small cluster of their own: initdb
and pg_ctl from /usr/lib/postgresql/*/bin in a temporary folder, on a free
port, listening on 127.0.0.1 only. initdb refuses to run as root, so as root
the binaries run as the postgres system user.

Use it from a test module, in a fixture of its own::

    from tests.server.cluster import running_cluster

    @pytest.fixture(scope="module")
    def server():
        with running_cluster() as cluster:
            cluster.create_login("ana_1234", "her-password", groups=("trastienda_clerk",))
            yield cluster

    def test_something(server):
        url = server.url("ana_1234", "her-password", database="shop")

(or import the ready-made ``scram_cluster`` / ``tls_cluster`` fixtures).
``running_cluster(tls=True)`` adds ``ssl=on`` and a certificate for
localhost/127.0.0.1 signed by a throwaway CA (``cluster.ca_file``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL

PG_BIN = (next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)
          if Path("/usr/lib/postgresql").exists() else None)
SUPERUSER = "shopadmin"
SUPERUSER_PASSWORD = "right-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _give_to_postgres(path: Path, mode: int | None = None) -> None:
    if mode is not None:
        path.chmod(mode)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres")


@dataclass
class Cluster:
    """A running throwaway cluster; ``url()`` builds SQLAlchemy URLs in memory (never written anywhere)."""

    base: Path
    port: int
    host: str = "127.0.0.1"
    superuser: str = SUPERUSER
    password: str = SUPERUSER_PASSWORD
    ca_file: Path | None = None  # set when the cluster speaks TLS
    _options: str = ""
    _engines: list[Engine] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.base / "data"

    def url(self, user: str | None = None, password: str | None = None, database: str = "postgres",
            **query: str) -> URL:
        return URL.create("postgresql+psycopg", username=user or self.superuser,
                          password=self.password if user is None and password is None else password,
                          host=self.host, port=self.port, database=database, query=query)

    def admin_engine(self, database: str = "postgres") -> Engine:
        """An AUTOCOMMIT engine as the superuser; disposed when the cluster stops."""
        engine = create_engine(self.url(database=database), isolation_level="AUTOCOMMIT",
                               connect_args={"connect_timeout": 5})
        self._engines.append(engine)
        return engine

    def create_database(self, name: str) -> None:
        with self.admin_engine().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))

    def create_login(self, name: str, password: str, groups: tuple[str, ...] = ()) -> None:
        """A LOGIN role with a password, member of ``groups`` (created NOLOGIN if missing)."""
        with self.admin_engine().connect() as conn:
            for group in groups:
                conn.execute(text(f'DO $$ BEGIN CREATE ROLE "{group}" NOLOGIN; '
                                  f'EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$'))
            conn.execute(text(f'CREATE ROLE "{name}" LOGIN PASSWORD {_literal(password)}'))
            for group in groups:
                conn.execute(text(f'GRANT "{group}" TO "{name}"'))

    # -- faults ------------------------------------------------------------------------------
    def _postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])

    def stop(self) -> None:
        for engine in self._engines:
            engine.dispose()
        subprocess.run([*_as_postgres(), str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                        "stop"], capture_output=True)

    def start(self) -> None:
        subprocess.run([*_as_postgres(), str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w",
                        "-l", str(self.base / "log"), "-o", self._options, "start"], check=True, capture_output=True)

    def _processes(self) -> list[int]:
        """The postmaster and its children (backends, writer, checkpointer...)."""
        postmaster = self._postmaster_pid()
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])  # after "pid (comm) state"
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
            if parent == postmaster:
                children.append(int(stat.parent.name))
        return [postmaster, *children]

    def freeze(self) -> None:
        """The whole server stops answering (SIGSTOP), as a hung host would: new connections are
        accepted by the kernel, then nothing; open connections get no reply to what they send."""
        for pid in self._processes():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in self._processes():
            os.kill(pid, signal.SIGCONT)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _write_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(ca.crt, server.crt, server.key): a throwaway CA and a server certificate for localhost and 127.0.0.1."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Trastienda test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
          .not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return paths


def start_cluster(*, tls: bool = False) -> Cluster:
    """initdb + pg_ctl start; the caller must ``stop_cluster()`` it (the fixtures do)."""
    if PG_BIN is None or not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL server binaries not installed")
    base = Path(tempfile.mkdtemp(prefix="trastienda-pg-"))
    _give_to_postgres(base)
    pwfile = base / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    _give_to_postgres(pwfile, 0o600)
    cluster = Cluster(base=base, port=free_port())
    options = f"-p {cluster.port} -k {base} -c listen_addresses=127.0.0.1"
    if tls:
        ca, cert, key = _write_certificates(base)
        for path in (ca, cert):
            _give_to_postgres(path, 0o644)
        _give_to_postgres(key, 0o600)
        cluster.ca_file = ca
        options += f" -c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key}"
    cluster._options = options
    subprocess.run([*_as_postgres(), str(PG_BIN / "initdb"), "-D", str(cluster.data), "-U", SUPERUSER,
                    "--auth=scram-sha-256", f"--pwfile={pwfile}"], check=True, capture_output=True)
    pwfile.unlink()
    cluster.start()
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    try:
        cluster.thaw()  # a test that froze it and failed must not leave a stopped process behind
    except (OSError, ValueError):
        pass
    cluster.stop()
    shutil.rmtree(cluster.base, ignore_errors=True)


@contextmanager
def running_cluster(*, tls: bool = False) -> Iterator[Cluster]:
    """A cluster for the ``with`` block; stopped and deleted afterwards, whatever happened."""
    cluster = start_cluster(tls=tls)
    try:
        yield cluster
    finally:
        stop_cluster(cluster)


@contextmanager
def migrated_cluster(database: str = "shop") -> Iterator[Cluster]:
    """A running scram cluster with a database migrated to head."""
    from app.db import migrate
    from app.db.engine import make_engine

    with running_cluster() as cluster:
        engine = make_engine(cluster.url(database=database))
        migrate.upgrade(engine)
        engine.dispose()
        yield cluster


@pytest.fixture(scope="module")
def scram_cluster():
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module")
def tls_cluster():
    with running_cluster(tls=True) as cluster:
        yield cluster
