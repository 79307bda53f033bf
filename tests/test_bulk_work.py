"""Bulk use cases pause the cycle collector only while they run, and leave it as they found it."""

from __future__ import annotations

import gc

import pytest

from desktop.services.bulk_work import cyclic_gc_paused


def test_collector_paused_inside_and_restored_after_success_and_failure() -> None:
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        raise RuntimeError("cancelled half-way")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
