"""The encryption format and key hierarchy: known answers, tampering, moving, wrong keys."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from earned.privacy import crypto
from earned.privacy.crypto import Binding, DecryptionError, KdfParameters

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "fixtures" / "crypto_format_1.json").read_text(encoding="utf-8")
)
CHEAP = KdfParameters(time_cost=1, memory_kib=1024, parallelism=1)  # tests only

bindings = st.builds(Binding, st.text(), st.text(), st.text(), st.text())
keys = st.binary(min_size=32, max_size=32)


def raw(token: str) -> bytearray:
    body = token.removeprefix("e1.")
    return bytearray(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def encode(data: bytes | bytearray) -> str:
    return "e1." + base64.urlsafe_b64encode(bytes(data)).rstrip(b"=").decode()


@pytest.mark.parametrize("vector", VECTORS["encrypt"], ids=lambda v: v["plaintext"][:12] or "empty")
def test_format_1_still_opens(vector: dict[str, Any]) -> None:
    binding = Binding(*vector["binding"])
    key = bytes.fromhex(vector["key"])
    assert crypto.decrypt_text(key, vector["token"], binding) == vector["plaintext"]


@pytest.mark.parametrize("vector", VECTORS["encrypt"], ids=lambda v: v["plaintext"][:12] or "empty")
def test_format_1_is_aes_gcm_exactly_as_documented(vector: dict[str, Any]) -> None:
    """Rebuild each vector from the primitive and the documented layout, not from our code."""
    binding = Binding(*vector["binding"])
    nonce = bytes.fromhex(vector["nonce"])
    associated = b"earned/1" + b"".join(
        len(part.encode()).to_bytes(4, "big") + part.encode() for part in vector["binding"]
    )
    assert binding.associated_data() == associated
    sealed = AESGCM(bytes.fromhex(vector["key"])).encrypt(
        nonce, vector["plaintext"].encode(), associated
    )
    assert encode(nonce + sealed) == vector["token"]


def test_argon2id_derivation_is_frozen() -> None:
    kdf = VECTORS["argon2id"]
    parameters = KdfParameters.from_dict(kdf["parameters"])
    derived = crypto.derive_key(
        kdf["passphrase"], bytes.fromhex(kdf["salt"]), parameters, floor=parameters
    )
    assert derived.hex() == kdf["key"]


def test_a_wrapped_key_of_format_1_still_unwraps() -> None:
    vector = VECTORS["wrapped_key"]
    data_key = crypto.unwrap_key(
        vector["wrapped"], bytes.fromhex(vector["wrapping_key"]), vector["owner_id"]
    )
    assert data_key.hex() == vector["data_key"]


@given(keys, st.text(), bindings)
def test_what_is_encrypted_opens_again(key: bytes, text: str, binding: Binding) -> None:
    assert crypto.decrypt_text(key, crypto.encrypt_text(key, text, binding), binding) == text


@given(keys, st.text(min_size=1), bindings)
def test_ciphertext_never_contains_the_text(key: bytes, text: str, binding: Binding) -> None:
    token = crypto.encrypt_text(key, text * 3, binding)
    assert text * 3 not in token


def test_the_same_text_encrypts_differently_each_time() -> None:
    key, binding = crypto.new_key(), Binding("t", "f", "r", "o")
    assert crypto.encrypt_text(key, "same", binding) != crypto.encrypt_text(key, "same", binding)


@settings(max_examples=200)
@given(keys, st.text(max_size=40), bindings, st.data())
def test_any_flipped_byte_fails_loudly(
    key: bytes, text: str, binding: Binding, data: st.DataObject
) -> None:
    sealed = raw(crypto.encrypt_text(key, text, binding))
    position = data.draw(st.integers(0, len(sealed) - 1))
    sealed[position] ^= data.draw(st.integers(1, 255))
    with pytest.raises(DecryptionError):
        crypto.decrypt_text(key, encode(sealed), binding)


@pytest.mark.parametrize("moved", ["table", "field", "record_id", "owner_id"])
def test_a_value_moved_elsewhere_does_not_open(moved: str) -> None:
    key = crypto.new_key()
    home = Binding("journal_entry", "body", "record-1", "owner-1")
    token = crypto.encrypt_text(key, "only here", home)
    elsewhere = home._replace(**{moved: "somewhere-else"})
    with pytest.raises(DecryptionError):
        crypto.decrypt_text(key, token, elsewhere)


def test_bindings_cannot_be_confused_by_shifting_text_between_parts() -> None:
    assert (
        Binding("ab", "c", "r", "o").associated_data()
        != Binding("a", "bc", "r", "o").associated_data()
    )


@given(keys, keys, bindings)
def test_the_wrong_key_never_opens_a_value(key: bytes, other: bytes, binding: Binding) -> None:
    assume(other != key)
    token = crypto.encrypt_text(key, "private", binding)
    with pytest.raises(DecryptionError):
        crypto.decrypt_text(other, token, binding)


@given(st.text())
def test_garbage_is_refused_with_our_error_only(garbage: str) -> None:
    with pytest.raises(DecryptionError):
        crypto.decrypt_text(crypto.new_key(), garbage, Binding("t", "f", "r", "o"))


def test_a_wrong_passphrase_never_yields_a_key() -> None:
    salt = b"s" * 16
    data_key = crypto.new_key()
    right = crypto.derive_key("quiet harbour lemon tram", salt, CHEAP, floor=CHEAP)
    wrong = crypto.derive_key("quiet harbour lemon trap", salt, CHEAP, floor=CHEAP)
    wrapped = crypto.wrap_key(data_key, right, "owner-1")
    assert crypto.unwrap_key(wrapped, right, "owner-1") == data_key
    with pytest.raises(DecryptionError):
        crypto.unwrap_key(wrapped, wrong, "owner-1")
    with pytest.raises(DecryptionError):
        crypto.unwrap_key(wrapped, right, "owner-2")  # someone else's wrapped key


def test_a_different_salt_derives_a_different_key() -> None:
    first = crypto.derive_key("same words here", b"a" * 16, CHEAP, floor=CHEAP)
    second = crypto.derive_key("same words here", b"b" * 16, CHEAP, floor=CHEAP)
    assert first != second


@given(st.integers(0, 3), st.integers(0, 64 * 1024), st.integers(0, 4))
def test_parameters_below_the_floor_are_refused(time: int, memory: int, lanes: int) -> None:
    parameters = KdfParameters(time, memory, lanes)
    floor = crypto.PRODUCTION_FLOOR
    below = time < floor.time_cost or memory < floor.memory_kib or lanes < 1
    if below:
        with pytest.raises(crypto.WeakKdfParameters):
            crypto.check_floor(parameters)
    else:
        crypto.check_floor(parameters)


def test_the_production_parameters_meet_the_floor() -> None:
    crypto.check_floor(crypto.RECOMMENDED)
    assert crypto.PRODUCTION_FLOOR.memory_kib >= 64 * 1024
    assert crypto.PRODUCTION_FLOOR.time_cost >= 3


def test_a_short_salt_is_refused() -> None:
    with pytest.raises(ValueError, match="salt"):
        crypto.derive_key("words", b"short", CHEAP, floor=CHEAP)


def test_a_cipher_kept_for_a_bulk_job_serves_its_own_key_alone() -> None:
    mine, theirs, binding = crypto.new_key(), crypto.new_key(), Binding("t", "f", "r", "o")
    with crypto.cipher_kept(mine):
        sealed_mine = crypto.encrypt_text(mine, "mine", binding)
        sealed_theirs = crypto.encrypt_text(theirs, "theirs", binding)
        assert crypto.decrypt_text(theirs, sealed_theirs, binding) == "theirs"
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt_text(mine, sealed_theirs, binding)
    assert crypto.decrypt_text(mine, sealed_mine, binding) == "mine"
    assert crypto._kept_cipher.get() is None  # let go with the block
