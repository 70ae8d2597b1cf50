// Strong id types for the kring model. Ids are opaque: callers never see an index
// into a container, and an id of one kind cannot be passed where another is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kring {

template <class Tag>
class Id {
public:
    constexpr Id() = default;
    constexpr explicit Id(std::uint32_t v) : value_(v) {}
    [[nodiscard]] constexpr std::uint32_t value() const { return value_; }
    [[nodiscard]] constexpr bool valid() const { return value_ != 0; }
    constexpr explicit operator bool() const { return valid(); }
    constexpr auto operator<=>(const Id&) const = default;

    // Text form used in case files: prefix + number, e.g. "p12".
    [[nodiscard]] std::string str() const { return std::string(Tag::prefix) + std::to_string(value_); }
    static std::optional<Id> parse(std::string_view s) {
        const std::string_view p = Tag::prefix;
        if (s.size() <= p.size() || s.substr(0, p.size()) != p) return std::nullopt;
        std::uint64_t v = 0;
        for (char c : s.substr(p.size())) {
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + static_cast<std::uint64_t>(c - '0');
            if (v > 0xFFFFFFFFu) return std::nullopt;
        }
        if (v == 0) return std::nullopt;
        return Id(static_cast<std::uint32_t>(v));
    }

private:
    std::uint32_t value_ = 0;
};

struct PersonTag { static constexpr const char* prefix = "p"; };
struct RelationTag { static constexpr const char* prefix = "r"; };
struct HouseholdTag { static constexpr const char* prefix = "h"; };

using PersonId = Id<PersonTag>;
using RelationId = Id<RelationTag>;
using HouseholdId = Id<HouseholdTag>;

} // namespace kring

template <class Tag>
struct std::hash<kring::Id<Tag>> {
    std::size_t operator()(const kring::Id<Tag>& id) const noexcept { return std::hash<std::uint32_t>{}(id.value()); }
};
