"""The rules a new installation starts with: data an office edits, deactivates or adds to. The
migration writes them once; ``ensure_default_rules`` writes any that are missing (a database flushed
by a test, a demo loaded into an empty one) and never changes one an office edited."""

from __future__ import annotations

from decimal import Decimal

DEFAULTS = [
    # name, kind, severity, scope, minimum, maximum, tolerance
    ("Chỉ tiêu dòng chảy không âm", "bounds", "hard", "flows", Decimal(0), None, Decimal(0)),
    ("Số đơn vị không âm", "bounds", "hard", "counts", Decimal(0), None, Decimal(0)),
    ("Tỷ lệ trong khoảng 0–100%", "bounds", "hard", "shares", Decimal(0), Decimal(100), Decimal(0)),
    ("Tử số không lớn hơn mẫu số", "num_le_den", "hard", "shares", None, None, Decimal(0)),
    ("Giá trị bằng tử số chia mẫu số", "ratio_matches", "hard", "ratios", None, None, Decimal("0.5")),
    ("Số đạt không lớn hơn tổng số (X/Y)", "count_le_total", "hard", "counts", None, None, Decimal(0)),
    ("Cờ đạt chuẩn chỉ là 0 hoặc 1", "flag", "hard", "flags", None, None, Decimal(0)),
    ("Các tháng cộng lại bằng quý, 6 tháng, năm", "periods_sum", "soft", "flows", None, None, Decimal(0)),
    ("Tỷ lệ % đã nêu khớp với số liệu", "stated_matches", "soft", "all", None, None, Decimal(0)),
    ("Khác thường so với các kỳ trước của đơn vị", "outlier", "soft", "all", None, None, Decimal(3)),
    ("Số của đơn vị khớp với tổng hợp từ cấp dưới", "rollup_matches", "soft", "all", None, None, Decimal(0)),
]


def ensure_default_rules(model=None) -> int:
    """Create the default rules that do not exist (by name); returns how many were created."""
    if model is None:
        from .models import Rule as model
    made = 0
    for name, kind, severity, scope, low, high, tol in DEFAULTS:
        _obj, created = model.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "severity": severity,
                "scope": scope,
                "minimum": low,
                "maximum": high,
                "tolerance": tol,
            },
        )
        made += created
    return made
