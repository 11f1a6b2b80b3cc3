"""National code lists (injury card, community, project) as enums carrying a code and a Chinese label."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self

from .levels import KNOWN_LEVELS as KNOWN_LEVELS
from .levels import TargetLevel as TargetLevel


class CodedEnum(StrEnum):
    """An enum whose value is its Chinese label and which also carries a national ``code``.

    Parsing accepts the label (``"跌倒/坠落"``), the code as a number (``3``) or as text
    (``"3"``), and a few documented aliases, so both card styles load. A code number is read
    by the library's default list; members marked with :func:`newer_card_only` (the separate
    其他 and 不清楚 of the newer card) are not on it and are found by label, or by number
    through a card generation's own list (:mod:`safecommunity_docs.codes.cards`).
    """

    code: int

    def __new__(cls, code: int, label: str, *aliases: str) -> Self:
        obj = str.__new__(cls, label)
        obj._value_ = label
        obj.code = code
        obj._aliases = aliases  # type: ignore[attr-defined]
        obj._listed = True  # type: ignore[attr-defined]
        return obj

    @property
    def on_default_list(self) -> bool:
        """Whether the member is on the default code list (read by number without a card
        generation); ``False`` for the newer card's separate 其他 and 不清楚."""
        return bool(getattr(self, "_listed", True))

    @property
    def label(self) -> str:
        """The Chinese label, as printed on the national card."""
        return str(self.value)

    def __str__(self) -> str:
        return self.label

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        return cls.lookup(value)

    @classmethod
    def lookup(cls, value: object) -> Self | None:
        """Return the member for a label, alias or code (int or digit string), else ``None``."""
        if isinstance(value, bool):
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str):
            text = value.strip()
            if text.isdigit():
                value = int(text)
            else:
                for member in cls:
                    if text == member.value or text in getattr(member, "_aliases", ()):
                        return member
                return None
        if isinstance(value, int):
            for member in cls:
                if member.code == value and member.on_default_list:
                    return member
        return None

    @classmethod
    def choices(cls) -> str:
        """Describe the accepted values, e.g. ``1 家中, 2 公共居住场所, …``; labels that have no
        number on the default list follow as ``also 其他, 不清楚 (by label)``."""
        listed = ", ".join(f"{m.code} {m.value}" for m in cls if m.on_default_list)
        extra = [m.label for m in cls if not m.on_default_list]
        return f"{listed}; also {', '.join(extra)} (by label)" if extra else listed

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        schema["description"] = f"{cls.__doc__ or ''} Codes: {cls.choices()}.".strip()
        return schema


def newer_card_only(*members: CodedEnum) -> None:
    """Take ``members`` off the default code list: the newer card's separate 其他 and 不清楚,
    whose numbers there would clash with the merged 其他/不清楚 of the default list."""
    for member in members:
        member._listed = False  # type: ignore[attr-defined]


class Sex(CodedEnum):
    """性别."""

    MALE = 1, "男"
    FEMALE = 2, "女"


class Household(CodedEnum):
    """户籍."""

    LOCAL = 1, "本市/县", "本市", "本县"
    PROVINCE = 2, "本省外地"
    OTHER_PROVINCE = 3, "外省"
    FOREIGN = 4, "外籍"


class Education(CodedEnum):
    """文化程度."""

    PRESCHOOL = 1, "未上学儿童"
    ILLITERATE = 2, "文盲半文盲"
    PRIMARY = 3, "小学"
    JUNIOR = 4, "初中"
    SENIOR = 5, "高中或中专"
    COLLEGE = 6, "大专"
    UNIVERSITY = 7, "大学及以上"


class Occupation(CodedEnum):
    """职业."""

    PRESCHOOL_CHILD = 1, "学龄前儿童"
    STUDENT = 2, "在校学生"
    HOUSEWORK = 3, "家务"
    UNEMPLOYED = 4, "待业"
    RETIRED = 5, "离退休"
    PROFESSIONAL = 6, "专业技术人员"
    CLERK = 7, "办事人员"
    SERVICE = 8, "商业服务业"
    FARMING = 9, "农牧渔水利"
    PRODUCTION = 10, "生产运输设备操作"
    MILITARY = 11, "军人"
    OTHER = 12, "其他/不清楚", "其他", "不清楚"


class InjuryCause(CodedEnum):
    """伤害发生原因 (national card, variant A)."""

    MOTOR_VEHICLE = 1, "机动车车祸"
    NON_MOTOR_VEHICLE = 2, "非机动车车祸"
    FALL = 3, "跌倒/坠落", "跌倒", "坠落"
    BLUNT = 4, "钝器伤"
    FIREARM = 5, "火器伤"
    SHARP = 6, "刀/锐器伤", "锐器伤"
    BURN = 7, "烧烫伤"
    SUFFOCATION = 8, "窒息/悬吊"
    DROWNING = 9, "溺水"
    POISONING = 10, "中毒"
    ANIMAL = 11, "动物伤"
    SEXUAL_ASSAULT = 12, "性侵犯"
    OTHER = 13, "其他"
    UNKNOWN = 14, "不清楚"


TRAFFIC_CAUSES = frozenset({InjuryCause.MOTOR_VEHICLE, InjuryCause.NON_MOTOR_VEHICLE})
WHOLE_BODY_CAUSES = frozenset(
    {InjuryCause.SUFFOCATION, InjuryCause.DROWNING, InjuryCause.POISONING}
)


class InjuryPlace(CodedEnum):
    """伤害发生地点."""

    HOME = 1, "家中"
    RESIDENTIAL = 2, "公共居住场所"
    SCHOOL_PUBLIC = 3, "学校与公共场所"
    SPORTS = 4, "体育和运动场所"
    ROAD = 5, "公路/街道", "公路", "街道"
    TRADE = 6, "贸易和服务场所"
    INDUSTRIAL = 7, "工业和建筑场所"
    FARM = 8, "农场/农田", "农田"
    OTHER = 9, "其他"
    UNKNOWN = 10, "不清楚"


class InjuryActivity(CodedEnum):
    """伤害发生时活动 (national card, variant B)."""

    WORK = 1, "工作", "有偿工作"
    HOUSEWORK = 2, "家务"
    STUDY = 3, "学习"
    SPORTS = 4, "体育活动"
    LEISURE = 5, "休闲活动"
    VITAL = 6, "生命活动"
    TRANSPORT = 7, "驾乘交通工具"
    WALKING = 8, "步行"
    OTHER_UNKNOWN = 9, "其他/不清楚"
    OTHER = 9, "其他"
    UNKNOWN = 10, "不清楚"


class InjuryIntent(CodedEnum):
    """伤害意图."""

    UNINTENTIONAL = 1, "非故意"
    SELF_HARM = 2, "自残/自杀", "自杀", "自残"
    ASSAULT = 3, "故意(暴力、攻击)", "故意", "暴力", "攻击"
    OTHER_UNKNOWN = 4, "不清楚/其他", "其他/不清楚"
    UNKNOWN = 4, "不清楚"
    OTHER = 5, "其他"


class Alcohol(CodedEnum):
    """是否饮酒."""

    YES = 1, "饮用"
    NO = 2, "未饮用"
    UNKNOWN = 3, "不清楚"


class InjuryNature(CodedEnum):
    """伤害性质."""

    FRACTURE = 1, "骨折"
    SPRAIN = 2, "扭伤/拉伤", "扭伤", "拉伤"
    OPEN_WOUND = 3, "锐器伤、咬伤、开放伤", "开放伤"
    CONTUSION = 4, "挫伤、擦伤", "挫伤", "擦伤"
    BURN = 5, "烧烫伤"
    CONCUSSION = 6, "脑震荡、脑挫裂伤", "脑震荡"
    ORGAN = 7, "内脏器官伤"
    OTHER_UNKNOWN = 8, "其他/不清楚"
    OTHER = 8, "其他"
    UNKNOWN = 9, "不清楚"


class BodyPart(CodedEnum):
    """伤害部位."""

    HEAD = 1, "头部"
    UPPER_LIMB = 2, "上肢"
    LOWER_LIMB = 3, "下肢"
    TRUNK = 4, "躯干"
    MULTIPLE = 5, "多部位"
    WHOLE_BODY = 6, "全身广泛受伤"
    OTHER_UNKNOWN = 7, "其他/不清楚"
    OTHER = 7, "其他"
    UNKNOWN = 8, "不清楚"


newer_card_only(
    InjuryActivity.OTHER,
    InjuryActivity.UNKNOWN,
    InjuryIntent.UNKNOWN,
    InjuryIntent.OTHER,
    InjuryNature.OTHER,
    InjuryNature.UNKNOWN,
    BodyPart.OTHER,
    BodyPart.UNKNOWN,
)
MERGED_OTHER_UNKNOWN = frozenset(
    {
        InjuryActivity.OTHER_UNKNOWN,
        InjuryIntent.OTHER_UNKNOWN,
        InjuryNature.OTHER_UNKNOWN,
        BodyPart.OTHER_UNKNOWN,
    }
)
"""The merged 其他/不清楚 of the older card: the newer card keeps 其他 and 不清楚 apart."""


class ProductRelation(CodedEnum):
    """产品相关 (newer card, section Ⅳ 伤害涉及产品信息)."""

    MISUSE = 1, "使用不当"
    QUALITY = 2, "与产品质量有关"
    SUDDEN = 3, "像往常一样使用却突发事故"
    UNSURE = 4, "不确定"
    OTHER = 5, "其他"


class Severity(CodedEnum):
    """伤害严重程度."""

    MILD = 1, "轻度"
    MODERATE = 2, "中度"
    SEVERE = 3, "重度"


class Outcome(CodedEnum):
    """伤害结局."""

    DISCHARGED = 1, "处理后离院"
    OBSERVATION = 2, "留观"
    TRANSFERRED = 3, "转院"
    ADMITTED = 4, "住院"
    DIED = 5, "死亡"
    OTHER = 6, "其他"


class CommunityType(CodedEnum):
    """社区类型 (the smallest unit that applies)."""

    STREET = 1, "街道", "城市型"
    TOWNSHIP = 2, "乡镇", "农村型"
    PARK = 3, "园区", "园区型"
    ENTERPRISE = 4, "企业", "企业型", "企业主导型"


class MeasureType(CodedEnum):
    """干预措施类型 (the seven types)."""

    POLICY = 1, "政策"
    MANAGEMENT = 2, "管理"
    SERVICE = 3, "服务"
    PUBLICITY = 4, "宣传"
    ENVIRONMENT = 5, "环境"
    FACILITY = 6, "设施"
    PRODUCT = 7, "产品"


class ProjectArea(CodedEnum):
    """安全促进项目领域 (the twelve areas)."""

    TRAFFIC = 1, "交通"
    FIRE = 2, "消防"
    WORKPLACE = 3, "工作场所"
    HOME = 4, "家居"
    ELDERLY = 5, "老年人"
    CHILDREN = 6, "儿童"
    SCHOOL = 7, "学校"
    PUBLIC_PLACE = 8, "公共场所"
    SPORTS = 9, "体育运动"
    WATER = 10, "涉水"
    PUBLIC_SECURITY = 11, "社会治安"
    DISASTER = 12, "防灾减灾与环境"


class MeasureStatus(CodedEnum):
    """措施实施状态."""

    PLANNED = 1, "计划"
    ONGOING = 2, "实施中", "进行中"
    DONE = 3, "已完成", "完成"


class HazardLevel(CodedEnum):
    """隐患等级."""

    MAJOR = 1, "重大"
    SIGNIFICANT = 2, "较大"
    GENERAL = 3, "一般"


ALL_CODE_LISTS: tuple[type[CodedEnum], ...] = (
    Sex,
    Household,
    Education,
    Occupation,
    InjuryCause,
    InjuryPlace,
    InjuryActivity,
    InjuryIntent,
    Alcohol,
    InjuryNature,
    BodyPart,
    Severity,
    Outcome,
    ProductRelation,
    CommunityType,
    MeasureType,
    ProjectArea,
    MeasureStatus,
    HazardLevel,
)
