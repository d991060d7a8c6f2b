"""Connection profiles and remembered passwords, as a clerk and an admin use them (no server needed here).

tests/server/test_logins.py logs in to real servers with them.
"""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

import main
from app.db import credentials, profiles
from app.db.engine import describe, make_engine
from app.db.profiles import LOCAL, Profile
from app.errors import NotFoundError, TrastiendaError, ValidationError

OFFICE = Profile("Office", host="server.office.lan", port=5433, database="shop", user="ana")


def test_this_computer_is_always_there_and_used_until_another_is_chosen():
    assert [p.name for p in profiles.list_profiles()] == [LOCAL]
    assert profiles.last_profile().is_local
    assert not profiles.profiles_path().exists()  # nothing written just by looking


def test_profiles_round_trip_through_the_file_without_any_password(memory_keyring):
    profiles.save_profile(OFFICE)
    ca = profiles.profiles_path().parent / "ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    lab = profiles.save_profile(Profile(" Lab ", host=" 10.0.0.7 ", database="lab", user="bob", sslmode="VERIFY-FULL",
                                        sslrootcert=str(ca)))
    assert lab == Profile("Lab", host="10.0.0.7", port=5432, database="lab", user="bob", sslmode="verify-full",
                          sslrootcert=str(ca.resolve()))
    assert profiles.list_profiles() == [profiles.LOCAL_PROFILE, OFFICE, lab]
    assert profiles.get_profile("office") == OFFICE  # names are found whatever their case

    profiles.remember_last("Lab")
    assert profiles.last_profile() == lab
    stored = json.loads(profiles.profiles_path().read_text())
    assert stored["last"] == "Lab"
    assert {key for item in stored["profiles"] for key in item} == {
        "name", "host", "port", "database", "user", "sslmode", "sslrootcert"}

    renamed = profiles.save_profile(Profile("Laboratory", host="10.0.0.8", database="lab", user="bob",
                                            sslmode="require"), original="lab")
    assert [p.name for p in profiles.list_profiles()] == [LOCAL, "Office", "Laboratory"]
    assert profiles.last_profile() == renamed  # the last-used mark follows a rename

    profiles.remove_profile("LABORATORY")
    assert [p.name for p in profiles.list_profiles()] == [LOCAL, "Office"]
    assert profiles.last_profile().is_local


def test_every_bad_field_is_named_and_nothing_is_written():
    with pytest.raises(ValidationError) as bad:
        profiles.save_profile(Profile("", host="", port=0, database="", user="", sslmode="maybe"))
    assert bad.value.fields == {"name", "host", "port", "database", "user", "sslmode"}
    assert not profiles.profiles_path().exists()

    for port in (0, 65536, "abc", None):
        with pytest.raises(ValidationError) as bad:
            profiles.save_profile(Profile("X", host="h", port=port, user="u"))
        assert bad.value.fields == {"port"}, port
    for host in ("two words", "ana@server", "server/db"):
        with pytest.raises(ValidationError) as bad:
            profiles.save_profile(Profile("X", host=host, user="u"))
        assert bad.value.fields == {"host"}, host
    for name in ("a:b", "a/b", "x" * 61, "tab\there"):
        with pytest.raises(ValidationError) as bad:
            profiles.save_profile(Profile(name, host="h", user="u"))
        assert bad.value.fields == {"name"}, name
    with pytest.raises(ValidationError) as bad:
        profiles.save_profile(Profile("X", host="h", user="u", sslmode="verify-ca"))
    assert bad.value.fields == {"sslrootcert"}
    assert "CA certificate" in bad.value.message_for("sslrootcert")
    with pytest.raises(ValidationError) as bad:
        profiles.save_profile(Profile("X", host="h", user="u", sslmode="require", sslrootcert="/no/such/ca.crt"))
    assert bad.value.fields == {"sslrootcert"}
    assert not profiles.profiles_path().exists()


def test_names_are_unique_and_this_computer_is_reserved():
    profiles.save_profile(OFFICE)
    before = profiles.profiles_path().read_bytes()
    for name in ("OFFICE", "this computer"):
        with pytest.raises(ValidationError) as bad:
            profiles.save_profile(Profile(name, host="h", user="u"))
        assert bad.value.fields == {"name"}
    with pytest.raises(ValidationError):
        profiles.remove_profile(LOCAL)
    with pytest.raises(ValidationError):
        profiles.save_profile(Profile("Mine", host="h", user="u"), original=LOCAL)
    with pytest.raises(NotFoundError):
        profiles.remove_profile("Nowhere")
    assert profiles.profiles_path().read_bytes() == before
    profiles.save_profile(Profile("Office", host="new.lan", user="ana"), original="Office")  # itself: not a clash
    assert profiles.get_profile("Office").host == "new.lan"


def test_a_damaged_profiles_file_is_reported_by_name():
    profiles.profiles_path().write_text("{not json")
    with pytest.raises(TrastiendaError, match="profiles.json"):
        profiles.list_profiles()


def test_a_profile_url_carries_the_password_only_in_memory():
    url = OFFICE.url("s3cret pa$$")
    assert url.password == "s3cret pa$$"
    assert (url.host, url.port, url.database, url.username) == ("server.office.lan", 5433, "shop", "ana")
    assert url.query["sslmode"] == "prefer"
    for text in (str(url), repr(url), describe(url), OFFICE.describe()):
        assert "s3cret" not in text
    assert describe(url) == "ana@server.office.lan:5433/shop"
    engine = make_engine(url)  # no connection yet: only the engine
    try:
        assert "s3cret" not in str(engine.url) + repr(engine)
    finally:
        engine.dispose()


def test_a_profile_from_a_url_refuses_a_password_in_it():
    p = profiles.profile_from_url("Office", "postgresql://ana@server.office.lan:5433/shop?sslmode=require")
    assert p == Profile("Office", host="server.office.lan", port=5433, database="shop", user="ana", sslmode="require")
    with pytest.raises(ValidationError) as bad:
        profiles.profile_from_url("Office", "postgresql+psycopg://ana:secret@server/shop")
    assert bad.value.fields == {"url"} and "password" in str(bad.value)
    with pytest.raises(ValidationError) as bad:
        profiles.profile_from_url("Office", "sqlite:///shop.sqlite3")
    assert bad.value.fields == {"url"}


# -- the keyring ---------------------------------------------------------------------------


def test_remember_me_stores_under_the_app_and_profile_and_forget_removes(memory_keyring):
    assert credentials.keyring_available()
    assert credentials.stored_password("Office", "ana") is None
    assert credentials.store_password("Office", "ana", "s3cret")
    assert memory_keyring.entries() == {("Trastienda", "Office:ana"): "s3cret"}
    assert credentials.stored_password("Office", "ana") == "s3cret"
    assert credentials.stored_password("Office", "bob") is None
    credentials.forget_password("Office", "ana")
    credentials.forget_password("Office", "ana")  # twice: nothing to forget, no error
    assert memory_keyring.entries() == {}


def test_without_a_keyring_nothing_is_remembered_anywhere():
    keyring.set_keyring(fail.Keyring())
    assert not credentials.keyring_available()
    assert credentials.store_password("Office", "ana", "s3cret") is False
    assert credentials.stored_password("Office", "ana") is None
    credentials.forget_password("Office", "ana")


def test_this_computer_needs_no_password():
    assert credentials.command_url(LOCAL) is None


# -- the commands --------------------------------------------------------------------------


def test_profile_commands_add_list_and_remove_with_its_password(capsys, memory_keyring):
    assert main.main(["profile", "add", "Office", "--url", "postgresql+psycopg://ana@server.office.lan:5433/shop",
                      "--sslmode", "require"]) == 0
    assert "Profile Office added" in capsys.readouterr().out
    assert profiles.get_profile("Office").sslmode == "require"
    credentials.store_password("Office", "ana", "s3cret")

    assert main.main(["profile", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("* This computer")
    assert lines[1].split() == ["Office", "ana@server.office.lan:5433/shop", "TLS", "require"]

    assert main.main(["profile", "add", "office", "--url", "postgresql+psycopg://ana:pw@h/shop"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trastienda: error: url: ") and "pw@" not in err

    assert main.main(["profile", "remove", "Office"]) == 0
    assert [p.name for p in profiles.list_profiles()] == [LOCAL]
    assert memory_keyring.entries() == {}  # its remembered password went with it
    assert main.main(["profile", "remove", "Office"]) == 1
    assert "no connection profile named 'Office'" in capsys.readouterr().err


def test_profile_and_db_are_exclusive(capsys):
    with pytest.raises(SystemExit) as stop:
        main.main(["--profile", "Office", "--db", "x.sqlite3", "db", "current"])
    assert stop.value.code == 2
    assert "--db or --profile, not both" in capsys.readouterr().err


def test_an_unknown_profile_is_a_clear_error(capsys):
    assert main.main(["db", "current", "--profile", "Nowhere"]) == 1
    assert capsys.readouterr().err.strip() == (
        "trastienda: error: There is no connection profile named 'Nowhere'. `python main.py profile list` shows them.")
