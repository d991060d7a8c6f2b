"""What the leave screens share: the labels of kinds and statuses, a pick-list lookup."""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication

from app.domain.enums import LeaveKind, LeaveStatus


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def kind_labels() -> dict[str, str]:
    return {
        LeaveKind.VACATION.value: tr("Vacation"),
        LeaveKind.SICK.value: tr("Sick leave"),
        LeaveKind.PERSONAL.value: tr("Personal"),
        LeaveKind.UNPAID.value: tr("Unpaid"),
        LeaveKind.OTHER.value: tr("Other"),
    }


def status_labels() -> dict[str, str]:
    return {
        LeaveStatus.REQUESTED.value: tr("Requested"),
        LeaveStatus.APPROVED.value: tr("Approved"),
        LeaveStatus.REJECTED.value: tr("Rejected"),
        LeaveStatus.CANCELLED.value: tr("Cancelled"),
    }


def kind_label(kind: LeaveKind | str) -> str:
    return kind_labels().get(str(kind), str(kind))


def status_label(status: LeaveStatus | str) -> str:
    return status_labels().get(str(status), str(status))
