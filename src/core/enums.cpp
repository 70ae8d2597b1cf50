#include "core/enums.hpp"

namespace kring {

#define KRING_NAMES(E, ...)                                \
    std::span<const EnumName<E>> names(E) {                \
        static constexpr EnumName<E> table[] = {__VA_ARGS__}; \
        return table;                                      \
    }

KRING_NAMES(Sex, {Sex::Male, "male"}, {Sex::Female, "female"}, {Sex::Unknown, "unknown"}, {Sex::Other, "other"})
KRING_NAMES(Category, {Category::Household, "household"}, {Category::Family, "family"},
            {Category::Relative, "relative"}, {Category::Friend, "friend"}, {Category::Neighbour, "neighbour"},
            {Category::SchoolWork, "school-work"}, {Category::Leisure, "leisure"},
            {Category::Professional, "professional"})
KRING_NAMES(EntryKind, {EntryKind::Person, "person"}, {EntryKind::Pregnancy, "pregnancy"},
            {EntryKind::Miscarriage, "miscarriage"}, {EntryKind::Stillbirth, "stillbirth"},
            {EntryKind::Abortion, "abortion"})
KRING_NAMES(RelationKind, {RelationKind::Partner, "partner"}, {RelationKind::ParentChild, "parent-child"},
            {RelationKind::Twin, "twin"}, {RelationKind::Emotional, "emotional"},
            {RelationKind::Support, "support"}, {RelationKind::Contact, "contact"})
KRING_NAMES(PartnerStatus, {PartnerStatus::Married, "married"}, {PartnerStatus::Cohabiting, "cohabiting"},
            {PartnerStatus::LivingApart, "living-apart"}, {PartnerStatus::Engaged, "engaged"},
            {PartnerStatus::Separated, "separated"}, {PartnerStatus::Divorced, "divorced"},
            {PartnerStatus::Widowed, "widowed"})
KRING_NAMES(ParentKind, {ParentKind::Biological, "biological"}, {ParentKind::Adopted, "adopted"},
            {ParentKind::Foster, "foster"}, {ParentKind::Step, "step"}, {ParentKind::Unknown, "unknown"})
KRING_NAMES(EmotionKind, {EmotionKind::Close, "close"}, {EmotionKind::Fused, "fused"},
            {EmotionKind::Distant, "distant"}, {EmotionKind::Conflict, "conflict"},
            {EmotionKind::Hostile, "hostile"}, {EmotionKind::CutOff, "cut-off"}, {EmotionKind::Abuse, "abuse"},
            {EmotionKind::Neglect, "neglect"})
KRING_NAMES(AbuseKind, {AbuseKind::None, "none"}, {AbuseKind::Physical, "physical"},
            {AbuseKind::Emotional, "emotional"}, {AbuseKind::Sexual, "sexual"})
KRING_NAMES(SupportType, {SupportType::Practical, "practical"}, {SupportType::Financial, "financial"},
            {SupportType::Emotional, "emotional"}, {SupportType::Informational, "informational"},
            {SupportType::Childcare, "childcare"})
KRING_NAMES(Direction, {Direction::Gives, "gives"}, {Direction::Receives, "receives"}, {Direction::Both, "both"})
KRING_NAMES(Frequency, {Frequency::Daily, "daily"}, {Frequency::Weekly, "weekly"}, {Frequency::Monthly, "monthly"},
            {Frequency::Yearly, "yearly"}, {Frequency::Rarely, "rarely"}, {Frequency::Never, "never"})
KRING_NAMES(ContactMode, {ContactMode::InPerson, "in-person"}, {ContactMode::Phone, "phone"},
            {ContactMode::Online, "online"}, {ContactMode::Mixed, "mixed"})

#undef KRING_NAMES

}  // namespace kring
