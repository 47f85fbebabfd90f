"""Read plans in worker processes, so that no plan can take the run down with it.

A plan is read in a worker even when there is only one worker: a file that makes
the reading library abort the process (a Rust panic that does not unwind, an
allocation it cannot make) or that the system kills for memory only breaks that
worker. The batches the broken pool was working on are read again one plan per
fresh worker; the plan that breaks its worker again gets a one-line reason and the
others go on. Where no process can be started (a browser), plans are read here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .model import OfficeSummary
from .office import failed_office, reason_text, unexpected_reason

__all__ = ["read_isolated"]

#: A batch is a list of (path opened, path shown) pairs.
Item = tuple[str, str]
Batch = Callable[[list[Item]], list[OfficeSummary]]


def read_isolated(
    batches: Sequence[list[Item]],
    work: Batch,
    workers: int,
    lang: str,
    done: Callable[[int], None],
    keep: Callable[[list[OfficeSummary]], list[OfficeSummary]] = list,
) -> list[OfficeSummary]:
    """``work`` over each batch of paths in ``workers`` processes; offices in order.
    ``keep`` is applied to each batch's offices as they arrive (to hold less)."""
    slots: list[list[OfficeSummary] | None] = [None] * len(batches)
    broken: list[int] = []
    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (OSError, NotImplementedError, ImportError):  # no processes here: read in place
        return [office for b in batches for office in keep(_in_place(b, work, lang, done))]
    with pool:
        futures: dict[Future[list[OfficeSummary]], int] = {
            pool.submit(work, batch): i for i, batch in enumerate(batches)
        }
        try:
            for future in as_completed(futures):
                index = futures[future]
                try:
                    slots[index] = keep(future.result())
                except BrokenProcessPool:
                    broken.append(index)
                    continue
                except Exception as error:  # the batch could not travel (pickling)
                    reason = unexpected_reason(error, lang)
                    slots[index] = [failed_office(p, reason, s) for p, s in batches[index]]
                done(len(batches[index]))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    for index in sorted(broken):
        slots[index] = [_alone(item, work, lang) for item in batches[index]]
        done(len(batches[index]))
    return [office for batch in slots if batch is not None for office in batch]


def _alone(item: Item, work: Batch, lang: str) -> OfficeSummary:
    """One plan in a worker of its own: its reason if it breaks that worker."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(work, [item]).result()[0]
    except BrokenProcessPool:
        return failed_office(item[0], reason_text(lang, "crashed"), item[1])
    except Exception as error:
        return failed_office(item[0], unexpected_reason(error, lang), item[1])


def _in_place(
    batch: list[Item], work: Batch, lang: str, done: Callable[[int], None]
) -> list[OfficeSummary]:
    out = work(batch)
    done(len(batch))
    return out
