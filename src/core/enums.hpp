// Text names of the model's enums: the stable spelling used in case files and on the
// command line. Never translated; translations live with the UI and print layers.
#pragma once

#include "model.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kring {

template <class E>
struct EnumName {
    E value;
    std::string_view name;
};

std::span<const EnumName<Sex>> names(Sex);
std::span<const EnumName<Category>> names(Category);
std::span<const EnumName<EntryKind>> names(EntryKind);
std::span<const EnumName<RelationKind>> names(RelationKind);
std::span<const EnumName<PartnerStatus>> names(PartnerStatus);
std::span<const EnumName<ParentKind>> names(ParentKind);
std::span<const EnumName<EmotionKind>> names(EmotionKind);
std::span<const EnumName<AbuseKind>> names(AbuseKind);
std::span<const EnumName<SupportType>> names(SupportType);
std::span<const EnumName<Direction>> names(Direction);
std::span<const EnumName<Frequency>> names(Frequency);
std::span<const EnumName<ContactMode>> names(ContactMode);

template <class E>
std::string_view to_string(E e) {
    for (const auto& n : names(E{}))
        if (n.value == e) return n.name;
    return "?";
}

template <class E>
std::optional<E> from_string(std::string_view s) {
    for (const auto& n : names(E{}))
        if (n.name == s) return n.value;
    return std::nullopt;
}

// "a, b or c": the accepted spellings, for error messages.
template <class E>
std::string choices() {
    std::string out;
    auto ns = names(E{});
    for (std::size_t i = 0; i < ns.size(); ++i) {
        if (i) out += (i + 1 == ns.size()) ? " or " : ", ";
        out += '"';
        out += ns[i].name;
        out += '"';
    }
    return out;
}

} // namespace kring
