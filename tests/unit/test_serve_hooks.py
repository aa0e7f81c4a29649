"""`make serve` stops once however many stop signals reach it (macros/serve_hooks.py)."""

import signal

import pytest

from macros import serve_hooks


@pytest.fixture
def signal_handlers():
    """The process's SIGTERM and SIGINT handlers, put back after the test."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def test_the_first_stop_stops_the_preview_and_a_second_is_ignored(signal_handlers):
    """A kill of make's process group reaches the server twice (make passes it on); a second KeyboardInterrupt
    during MkDocs' shutdown left its server thread running and `make serve` hanging."""
    with pytest.raises(KeyboardInterrupt):
        serve_hooks.stop_like_ctrl_c(signal.SIGTERM, None)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
