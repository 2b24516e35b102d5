"""Writing a file a user asked auditlint to write: whole or not at all, and never over an edit it has not seen.

A file is written to a temporary file beside it, flushed to disk, then renamed over
it: a reader (or a crash) sees the old content or the new, never half of it. Through a
symbolic link the file it points to is replaced and the link stays. A rewrite of a
file that was read first (--fix) happens only if the file is still what was read.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path


class WriteFailed(Exception):
    """The file could not be written (no permission, a read-only or full disk); it is as it was.
    The message says why, in Chinese ("磁盘空间不足")."""


class ChangedSinceRead(Exception):
    """The file was changed after it was read: it is left with that change."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: enough to tell that it has not been touched since."""

    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> Snapshot:
        return cls(st.st_size, st.st_mtime_ns, hashlib.sha256(data).digest())

    def holds_for(self, path: Path) -> bool:
        """Whether path still has this size, time stamp and content."""
        try:
            with open(path, "rb") as fh:
                st = os.fstat(fh.fileno())
                if (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns):
                    return False
                return hashlib.sha256(fh.read()).digest() == self.digest
        except OSError:
            return False


def replace_file(path: str | os.PathLike[str], data: bytes, unchanged_since: Snapshot | None = None) -> None:
    """Make data the content of path atomically, keeping its permissions (a new file gets the usual ones).

    With unchanged_since, the file is replaced only if it is still as that snapshot saw it
    (ChangedSinceRead otherwise). WriteFailed when it cannot be written; either way nothing
    is left behind and the file is untouched.
    """
    target = Path(os.path.realpath(path))  # through a link: the file it points to
    try:
        st = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise WriteFailed(why(exc)) from None
    else:
        if not stat.S_ISREG(st.st_mode):  # a device or a pipe (/dev/stdout) is written to, never replaced
            _write_through(target, data)
            return
        mode = st.st_mode & 0o7777
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".auditlint")
    except OSError as exc:
        raise WriteFailed(why(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the rename makes it the file
        os.chmod(tmp, mode)
        if unchanged_since is not None and not unchanged_since.holds_for(target):
            raise ChangedSinceRead(str(target))
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise WriteFailed(why(exc)) from None
    except BaseException:
        _discard(tmp)
        raise


def _write_through(target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise WriteFailed(why(exc)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def why(exc: OSError) -> str:
    """Why a write failed, for a user."""
    reasons = {
        errno.EACCES: "没有写入权限",
        errno.EPERM: "没有写入权限",
        errno.EROFS: "文件所在的文件系统只读",
        errno.ENOSPC: "磁盘空间不足",
        errno.EDQUOT: "超出磁盘配额",
        errno.ENOENT: "所在目录不存在",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
