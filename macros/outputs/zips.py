"""Reproducible zip files: entries sorted, every date the same, so one commit always gives the same bytes."""

import io
import time
import zipfile

# The earliest date a zip can hold; used when SOURCE_DATE_EPOCH is not set.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_date(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH (seconds, UTC) as a zip date; zip dates cannot be earlier than 1980."""
    if epoch is None:
        return ZIP_EPOCH
    return max(ZIP_EPOCH, tuple(time.gmtime(epoch)[:6]))


def build(files: dict[str, bytes | str], epoch: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=zip_date(epoch))
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
