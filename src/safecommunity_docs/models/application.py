"""The application for assessment (评定申请书): addressee, date and what the community asks for."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .base import StrictModel, Text
from .common import joint_field, sealed_field
from .community import Contact


class Application(StrictModel):
    """评定申请书. Without ``body`` the standard request text is written from the dossier."""

    addressee: Text = Field(title="主送机关", description="e.g. 云州市安全生产委员会办公室.")
    applicant: Text = Field(title="申请单位", description="The issuing body, e.g. 某某街道办事处.")
    submitted_on: date = Field(title="申请日期")
    title: Text | None = Field(
        default=None, title="标题", description="Default: 关于申请评定{level}安全社区的申请书."
    )
    body: list[Text] = Field(
        default_factory=list,
        title="正文",
        description="Paragraphs; empty: a standard text from the dossier.",
    )
    attachments: list[Text] = Field(
        default_factory=list, title="附件", description="Default: the dossier's parts in order."
    )
    contact: Contact | None = Field(
        default=None, title="联系人", description="Printed as the 附注 under the date."
    )
    joint_bodies: list[Text] = joint_field()
    sealed: bool = sealed_field(True)
