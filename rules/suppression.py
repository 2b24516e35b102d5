"""SUP: the report's own auditlint: ignore comments — a code that names no rule, a comment that silences nothing.

These rules read the comments once the other rules' findings have been matched
against them (@rule(..., reads="suppressions")). Their own findings cannot be
silenced by a comment; choose them with select / ignore / per-file-ignores.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditlint.rulekit import Disclosure, Issue, SuppressionUse, rule


@rule("SUP001", "unknown-code-in-suppression", name_zh="忽略注释的规则号不存在", severity="warning", reads="suppressions")
def unknown_code(doc: Disclosure, use: SuppressionUse) -> Iterator:
    r"""忽略注释中的规则号不存在（多为笔误），注释因此没有起作用。

    检查：“auditlint: ignore”或“auditlint: ignore-file”注释中的每个规则号，都应是已加载
    规则的规则号或系列前缀（auditlint rules 列出全部规则）。
    原因：写错的规则号（CHG01、CGH001）什么也忽略不了：审核人本想接受的问题会一再出现；
    更糟的是，审核人以为某条规则已被忽略，实际上却没有。

    Checks: each code of an `auditlint: ignore` / `ignore-file` comment names a rule or a
    family prefix of the rules loaded (auditlint rules lists them).

    Why: a mistyped code (CHG01, CGH001) silences nothing, so the finding the reviewer
    meant to accept keeps coming back — or, worse, the reviewer thinks a rule is silenced
    that is not.

    Bad:  <!-- auditlint: ignore CHG01 已与财务核实 -->\n机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。
    Good: <!-- auditlint: ignore CHG001 已与财务核实 -->\n机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。
    """
    for s in use.suppressions:
        for code, (start, end) in zip(s.codes, s.spans):
            if not use.names_a_rule(code):
                yield Issue(
                    start=start,
                    end=end,
                    message=f"忽略注释中的“{code}”不是任何规则的规则号或前缀，这条注释没有忽略它要忽略的问题；运行 auditlint rules 查看全部规则",
                    actual=code,
                )


@rule("SUP002", "unused-suppression", name_zh="忽略注释未起作用", severity="info", reads="suppressions")
def unused_suppression(doc: Disclosure, use: SuppressionUse) -> Iterator:
    r"""忽略注释没有忽略任何问题（问题已改正或注释放错了位置），可以删去。

    检查：每条“auditlint: ignore”注释（或其中的每个规则号）至少在所在行（“ignore-file”则
    在整个文件中）忽略了一个问题。只评判其规则都检查了该文件的规则号：用 --select 排除了
    的规则，其注释不算未起作用。
    原因：什么也没有忽略的注释，要么是已改正问题的遗留，要么放错了行；留着它，以后该规则
    在那里发现的新问题会被悄悄忽略。

    Checks: each `auditlint: ignore` comment (or each code of one) silenced at least one
    finding on its line (or, for `ignore-file`, in the file). Only codes whose rules all
    checked the file are judged: a comment for a rule left out with --select is not unused.

    Why: a comment that silences nothing is left over from a corrected defect or sits on
    the wrong line; kept, it would silence the next defect of that rule there unseen.

    Bad:  <!-- auditlint: ignore CHG001 -->\n机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。
    Good: <!-- auditlint: ignore CHG001 -->\n机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。
    """
    for s, used in zip(use.suppressions, use.used):
        if not s.codes:
            if not used and use.all_ran(""):
                yield Issue(start=s.start, end=s.end, message="这条忽略注释没有忽略任何问题，可以删去")
            continue
        for code, (start, end) in zip(s.codes, s.spans):
            if code not in used and use.names_a_rule(code) and use.all_ran(code):
                yield Issue(
                    start=start,
                    end=end,
                    message=f"忽略注释中的“{code}”在此没有忽略任何问题（问题已改正，或注释不在该问题所在的行），可以删去",
                    actual=code,
                )
