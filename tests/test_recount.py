"""A kept count (metalnomist/recount.py): recounted when its revision moves, never by a reader waiting
long, and a long count not restarted before nine times its length has passed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from metalnomist.errors import StoreError
from metalnomist.recount import Keeping, Recounted


class Archive:
    """A stand-in for what is counted: a revision, and a count whose length the fake clock measures."""

    def __init__(self, takes: float) -> None:
        self.revision, self.value, self.takes, self.counts, self.now = 0, "first", takes, 0, 0.0
        self.release = threading.Event()
        self.release.set()
        self.fail = False

    def clock(self) -> float:
        return self.now

    def count(self) -> str:
        if not self.release.wait(10):  # a test that expects no count fails instead of hanging
            raise OSError("the count was held and never released")
        if self.fail:
            raise OSError("the database went away")
        self.counts += 1
        self.now += self.takes
        return self.value

    def kept(self, wait_seconds: float = 0.5) -> Recounted[str]:
        return Recounted("test-count", lambda: self.revision, self.count, wait_seconds, self.clock)

    def change(self, value: str) -> None:
        self.revision += 1
        self.value = value


def test_a_quick_count_follows_every_change() -> None:
    archive = Archive(takes=0.01)
    kept = archive.kept()
    assert kept.get() == "first" and kept.get() == "first" and archive.counts == 1  # not recounted per reader
    archive.change("second")
    assert kept.get() == "second"
    archive.change("third")
    assert kept.get() == "third" and archive.counts == 3


def test_a_long_count_waits_nine_times_its_length_before_the_next() -> None:
    archive = Archive(takes=2.0)  # longer than a reader waits (0.5 s): at a million posts, seconds
    kept = archive.kept()
    assert kept.get() == "first"  # the count began at 0 and took 2 s: no other before 20 s
    archive.change("second")
    archive.now = 19.9
    assert kept.get() == "first" and archive.counts == 1
    archive.now = 20.0
    assert kept.get() == "second" and archive.counts == 2


def test_a_reader_gets_the_last_count_while_a_new_one_runs_but_waits_for_the_first() -> None:
    archive = Archive(takes=0.0)
    archive.release.clear()
    kept = archive.kept(wait_seconds=0.05)
    threading.Timer(0.3, archive.release.set).start()
    assert kept.get() == "first"  # waited past wait_seconds: there was nothing to answer with
    archive.release.clear()
    archive.change("second")
    assert kept.get() == "first"  # the recount is held: the reader is not
    archive.release.set()
    kept.finish()
    assert kept.get() == "second"


def test_a_failed_count_is_an_error_then_tried_again() -> None:
    archive = Archive(takes=0.0)
    archive.fail = True
    kept = archive.kept()
    with pytest.raises(OSError, match="the database went away"):  # what a reader with nothing to show gets
        kept.get()
    archive.fail = False
    assert kept.get() == "first"


def test_settled_waits_for_a_count_of_the_archive_as_it_is_now() -> None:
    """A count already running read the revision before the change: settling waits for the one after it."""
    archive = Archive(takes=2.0)
    kept = archive.kept(wait_seconds=0.01)
    archive.release.clear()
    kept.start()  # reads revision 0, then is held
    archive.change("second")
    threading.Timer(0.1, archive.release.set).start()
    assert kept.settled() == "second" and archive.counts == 2  # the pause after a long count does not apply
    archive.fail = True
    archive.change("third")
    with pytest.raises(OSError, match="the database went away"):
        kept.settled()


def test_a_count_as_long_as_a_reader_waits_holds_no_later_count_back() -> None:
    """Only a count longer than a reader waits pauses the next: one that ended within the wait was answered."""
    archive = Archive(takes=0.5)
    kept = archive.kept(wait_seconds=0.5)
    assert kept.get() == "first"
    archive.change("second")
    assert kept.get() == "second" and archive.counts == 2


def test_once_a_count_succeeds_after_a_failure_the_failure_is_forgotten() -> None:
    """The failure says why the last count failed: a caller settling after a good count gets the count."""
    archive = Archive(takes=0.0)
    archive.fail = True
    kept = archive.kept()
    with pytest.raises(OSError, match="the database went away"):
        kept.settled()
    archive.fail = False
    assert kept.settled() == "first"
    archive.change("second")
    assert kept.get() == "second"


def _keeping(tmp_path: Path, owner: str = "archive-1") -> Keeping[str]:
    return Keeping(tmp_path / "counts.json", lambda: owner, lambda value: value, str)


def _restarted(archive: Archive, keeping: Keeping[str]) -> Recounted[str]:
    return Recounted("test-count", lambda: archive.revision, archive.count, 0.5, archive.clock, keeping)


def test_a_count_kept_by_the_last_process_answers_the_next_at_once(tmp_path: Path) -> None:
    """After a restart the first reader got nothing until the archive was counted again (20 s at 1M posts)."""
    archive = Archive(takes=0.01)
    assert _restarted(archive, _keeping(tmp_path)).get() == "first" and archive.counts == 1
    archive.release.clear()  # from here on a count would never end
    restarted = _restarted(archive, _keeping(tmp_path))
    restarted.warm()  # the archive has not moved: nothing to count
    assert restarted.get() == "first" and archive.counts == 1
    archive.change("second")  # moved while no process ran: the kept count answers while the new one runs
    again = _restarted(archive, _keeping(tmp_path))
    assert again.get() == "first"
    archive.release.set()
    assert again.settled() == "second" and archive.counts == 2
    assert _restarted(archive, _keeping(tmp_path)).get() == "second" and archive.counts == 2  # kept in turn


@pytest.mark.parametrize("kept", ["another archive's", "damaged", "missing"])
def test_a_count_kept_for_another_archive_or_damaged_is_never_read(tmp_path: Path, kept: str) -> None:
    archive = Archive(takes=0.01)
    _restarted(archive, _keeping(tmp_path, owner="archive-2")).get()
    path = tmp_path / "counts.json"
    if kept == "damaged":
        path.write_text(path.read_text()[:-5])
    elif kept == "missing":
        path.unlink()
    archive.value = "counted again"
    assert _restarted(archive, _keeping(tmp_path)).get() == "counted again" and archive.counts == 2


def test_a_count_that_cannot_be_kept_is_still_answered(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The database can go between the count and keeping it (the owner is read then): the count
    thread must not die with it, and readers get what was counted."""
    archive = Archive(takes=0.01)

    def gone() -> str:
        raise StoreError("the database is unavailable (terminating connection due to administrator command)")

    failures: list[threading.ExceptHookArgs] = []
    hook, threading.excepthook = threading.excepthook, failures.append
    try:
        counted = _restarted(archive, Keeping(tmp_path / "counts.json", gone, lambda value: value, str))
        assert counted.get() == "first"
    finally:
        threading.excepthook = hook
    assert failures == [] and not (tmp_path / "counts.json").exists()
    assert "could not be written" in caplog.text


def test_warming_up_while_the_database_is_away_neither_raises_nor_reads_a_kept_count_wrongly(tmp_path: Path) -> None:
    """A site may start while its database is briefly away: warming up must not stop it starting."""
    archive = Archive(takes=0.01)
    _restarted(archive, _keeping(tmp_path)).get()

    def away() -> str:
        raise StoreError("the database is unavailable")

    def revision() -> int:
        raise StoreError("the database is unavailable")

    archive.fail = True  # and so is the count
    starting = Recounted("test-count", revision, archive.count, 0.5, archive.clock,
                         Keeping(tmp_path / "counts.json", away, lambda value: value, str))
    starting.warm()
    starting.finish()
    with pytest.raises(StoreError):
        starting.get()  # nothing kept could be trusted and nothing counted: the error, not an empty count


def test_warming_up_counts_again_when_the_archive_moved_since_the_count_was_kept(tmp_path: Path) -> None:
    """A restarted worker starts the count before its first reader, rather than answering that reader with a
    count it already knows to be stale."""
    archive = Archive(takes=0.01)
    assert _restarted(archive, _keeping(tmp_path)).get() == "first"
    archive.change("second")
    restarted = _restarted(archive, _keeping(tmp_path))
    restarted.warm()
    restarted.finish()
    assert archive.counts == 2 and restarted.get() == "second"


def test_a_reader_does_not_wait_for_a_held_recount_longer_than_it_waits() -> None:
    """The last count answers at once: a recount held up (a slow database) must not hold up the page."""
    import time

    archive = Archive(takes=0.0)
    kept = archive.kept(wait_seconds=0.05)
    assert kept.get() == "first"
    archive.release.clear()
    archive.change("second")
    began = time.monotonic()
    assert kept.get() == "first"
    waited = time.monotonic() - began
    archive.release.set()
    kept.finish()
    assert waited < 2.0, waited  # the held count would keep it 10 s


def test_the_kept_count_is_read_once_per_process(tmp_path: Path) -> None:
    """Its owner is the archive's identity, a database read: not one per reader."""
    archive = Archive(takes=0.01)
    _restarted(archive, _keeping(tmp_path)).get()
    asked: list[str] = []

    def owner() -> str:
        asked.append("owner")
        return "archive-1"

    restarted = _restarted(archive, Keeping(tmp_path / "counts.json", owner, lambda value: value, str))
    assert [restarted.get() for _ in range(3)] == ["first"] * 3
    assert asked == ["owner"] and archive.counts == 1


def test_a_count_that_cannot_replace_the_kept_file_leaves_no_staged_copy(tmp_path: Path) -> None:
    """The staged file is removed when the rename fails, or every count would leave one more behind."""
    (tmp_path / "counts.json").mkdir()  # in the way: os.replace cannot put a file there
    (tmp_path / "counts.json" / "x").write_text("")
    archive = Archive(takes=0.01)
    assert _restarted(archive, _keeping(tmp_path)).settled() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counts.json"]
