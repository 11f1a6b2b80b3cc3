"""Feed a converter while the caller goes on rendering: each document is handed to a
background thread (LibreOffice works in its own process) and its PDF comes back as a future."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from .base import Converter


class ConversionFeed:
    """Submits documents to ``converter`` as they are rendered; :meth:`result` waits for one.

    As many threads as the converter has workers (one for a converter that does not say)
    call :meth:`Converter.convert`, so the converter's workers stay busy while the caller
    renders the next document. A converter in LibreOffice's one-shot mode (a cold soffice per
    call, much cheaper per document when given many at once) gets its documents in one
    :meth:`Converter.convert_many` batch instead, when the first result is asked for.
    """

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        workers = getattr(converter, "workers", 1)
        self._batched = getattr(converter, "mode", "") == "oneshot"
        self._pool = ThreadPoolExecutor(
            max(workers, 1) if isinstance(workers, int) else 1, thread_name_prefix="pdf-feed"
        )
        self._waiting: list[tuple[str, bytes, Future[bytes]]] = []

    def submit(self, name: str, document: bytes) -> Future[bytes]:
        """Start converting ``document`` (``name`` labels it in errors); return its future."""
        if self._batched:
            future: Future[bytes] = Future()
            self._waiting.append((name, document, future))
            return future
        return self._pool.submit(self.converter.convert, document, name)

    def result(self, future: Future[bytes]) -> bytes:
        """The PDF of a submitted document, once converted (its error, if it failed)."""
        self._flush()
        return future.result()

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        try:
            pdfs = self.converter.convert_many([(name, data) for name, data, _ in waiting])
        except Exception as exc:  # each waiting document's result raises it
            for _, _, future in waiting:
                future.set_exception(exc)
            return
        for (_, _, future), pdf in zip(waiting, pdfs, strict=True):
            future.set_result(pdf)

    def close(self) -> None:
        """Drop the documents not started yet and wait for the ones being converted."""
        for _, _, future in self._waiting:
            future.cancel()
        self._waiting = []
        self._pool.shutdown(wait=True, cancel_futures=True)
