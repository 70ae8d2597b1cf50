#include "core/pseudonymise.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kring {

namespace {

std::string fill(std::string_view key, Lang lang, std::string_view arg) {
    std::string s(tr(key, lang));
    if (auto p = s.find("{}"); p != std::string::npos) s.replace(p, 2, arg);
    return s;
}

PartialDate year_only(const PartialDate& d) {
    if (d.empty()) return d;
    PartialDate y;
    y.year = d.year;
    y.approximate = d.approximate;
    return y;
}

const char* by_sex(Sex s, const char* male, const char* female, const char* neutral) {
    return s == Sex::Male ? male : s == Sex::Female ? female : neutral;
}

std::string with_kind(std::string role, ParentKind k, Lang lang) {
    switch (k) {
    case ParentKind::Adopted: return fill("pseudo.parent.adopted", lang, role);
    case ParentKind::Foster: return fill("pseudo.parent.foster", lang, role);
    case ParentKind::Step: return fill("pseudo.parent.step", lang, role);
    default: return role;
    }
}

const Relation* parent_link(const Case& c, PersonId parent, PersonId child) {
    for (const Relation* r : c.relations_of(child))
        if (r->kind == RelationKind::ParentChild && r->a == parent && r->b == child) return r;
    return nullptr;
}

std::string category_label(const Person& p, Lang lang) {
    switch (p.category) {
    case Category::Household: return std::string(tr("pseudo.housemate", lang));
    case Category::Family:
    case Category::Relative: return std::string(tr("pseudo.relative", lang));
    case Category::Friend: return std::string(tr("pseudo.friend", lang));
    case Category::Neighbour: return std::string(tr("pseudo.neighbour", lang));
    case Category::SchoolWork: return std::string(tr("pseudo.school-work", lang));
    case Category::Leisure: return std::string(tr("pseudo.leisure", lang));
    case Category::Professional:
        return p.function.empty() ? std::string(tr("pseudo.professional", lang)) : p.function;
    }
    return std::string(tr("pseudo.relative", lang));
}

// Role labels seen from `anchor`; persons without a family role get their category.
std::map<PersonId, std::string> role_labels(const Case& c, Lang lang) {
    std::map<PersonId, std::string> label;
    if (c.persons().empty()) return label;
    const PersonId anchor = c.index_person().value_or(c.persons().begin()->first);
    // Relations may point at persons that do not exist in a damaged file: treat them as unknown.
    auto sex_of = [&](PersonId id) { return c.person(id) ? c.person(id)->sex : Sex::Unknown; };
    auto set = [&](PersonId id, std::string text) {
        if (c.person(id)) label.emplace(id, std::move(text));  // first role wins
    };
    for (const auto& [id, p] : c.persons()) {
        switch (p.kind) {
        case EntryKind::Pregnancy: set(id, std::string(tr("pseudo.pregnancy", lang))); break;
        case EntryKind::Miscarriage: set(id, std::string(tr("pseudo.miscarriage", lang))); break;
        case EntryKind::Stillbirth: set(id, std::string(tr("pseudo.stillbirth", lang))); break;
        case EntryKind::Abortion: set(id, std::string(tr("pseudo.abortion", lang))); break;
        case EntryKind::Person: break;
        }
    }
    set(anchor, std::string(tr("pseudo.index", lang)));
    const auto parents = c.parents_of(anchor);
    for (PersonId p : parents) {
        const Relation* r = parent_link(c, p, anchor);
        std::string role(tr(by_sex(sex_of(p), "pseudo.father", "pseudo.mother", "pseudo.parent"), lang));
        set(p, with_kind(role, r ? r->parent : ParentKind::Biological, lang));
    }
    for (const Relation* r : c.partnerships_of(anchor))
        set(r->other(anchor), std::string(tr(is_ended(r->partner) ? "pseudo.ex-partner" : "pseudo.partner", lang)));
    const auto children = c.children_of(anchor);
    for (PersonId ch : children) {
        const Relation* r = parent_link(c, anchor, ch);
        std::string role(tr(by_sex(sex_of(ch), "pseudo.son", "pseudo.daughter", "pseudo.child"), lang));
        set(ch, with_kind(role, r ? r->parent : ParentKind::Biological, lang));
    }
    for (PersonId p : parents)
        for (PersonId sib : c.children_of(p))
            if (sib != anchor)
                set(sib, std::string(tr(by_sex(sex_of(sib), "pseudo.brother", "pseudo.sister", "pseudo.sibling"),
                                        lang)));
    std::vector<PersonId> grandparents;
    for (PersonId p : parents)
        for (PersonId g : c.parents_of(p)) {
            grandparents.push_back(g);
            set(g, std::string(
                       tr(by_sex(sex_of(g), "pseudo.grandfather", "pseudo.grandmother", "pseudo.grandparent"), lang)));
        }
    for (PersonId ch : children)
        for (PersonId g : c.children_of(ch)) set(g, std::string(tr("pseudo.grandchild", lang)));
    for (PersonId g : grandparents)
        for (PersonId au : c.children_of(g))
            set(au, std::string(tr(by_sex(sex_of(au), "pseudo.uncle", "pseudo.aunt", "pseudo.aunt-uncle"), lang)));
    for (PersonId p : parents)
        for (const Relation* r : c.partnerships_of(p)) {
            auto it = label.find(p);
            if (it != label.end()) set(r->other(p), fill("pseudo.partner-of", lang, it->second));
        }
    for (const auto& [id, p] : c.persons()) set(id, category_label(p, lang));

    // Number labels that occur more than once, in birth order (unknown births last).
    std::map<std::string, std::vector<PersonId>> groups;
    for (const auto& [id, text] : label) groups[text].push_back(id);
    for (auto& [text, ids] : groups) {
        if (ids.size() < 2) continue;
        std::stable_sort(ids.begin(), ids.end(), [&](PersonId a, PersonId b) {
            const auto& da = c.person(a)->birth;
            const auto& db = c.person(b)->birth;
            if (da.empty() != db.empty()) return db.empty();
            return !da.empty() && da.earliest() < db.earliest();
        });
        for (std::size_t i = 0; i < ids.size(); ++i) label[ids[i]] = text + " " + std::to_string(i + 1);
    }
    return label;
}

}  // namespace

std::optional<PseudonymMode> parse_pseudonym_mode(std::string_view s) {
    if (s == "initials") return PseudonymMode::Initials;
    if (s == "roles") return PseudonymMode::Roles;
    return std::nullopt;
}

std::string initials(std::string_view name) {
    std::string out;
    bool at_word_start = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto ch = static_cast<unsigned char>(name[i]);
        if (ch == ' ' || ch == '-' || ch == '\t' || ch == '.') {
            at_word_start = true;
            continue;
        }
        if (!at_word_start) continue;
        if (ch < 0x80 && !std::isalnum(ch)) continue;  // "'t Hart" -> "t.H."
        std::size_t len = 1;                            // whole UTF-8 sequence of the first letter
        while (i + len < name.size() && (static_cast<unsigned char>(name[i + len]) & 0xC0) == 0x80) ++len;
        out.append(name.substr(i, len));
        out += '.';
        at_word_start = false;
    }
    return out;
}

Case pseudonymise(const Case& c, PseudonymMode mode, Lang lang) {
    Case out;
    out.info.name = std::string(tr("pseudo.case", lang));
    out.info.date = year_only(c.info.date);

    const auto roles = mode == PseudonymMode::Roles ? role_labels(c, lang) : std::map<PersonId, std::string>{};
    int household_no = 0;
    for (const auto& [id, h] : c.households()) {
        Household x;
        x.id = id;
        x.name = fill("pseudo.household", lang, std::to_string(++household_no));
        out.put(std::move(x));
    }
    for (const auto& [id, p] : c.persons()) {
        Person x = p;
        x.given.clear();
        x.family.clear();
        x.nickname.clear();
        if (mode == PseudonymMode::Roles) {
            x.given = roles.at(id);
        } else {
            std::string full = p.given + " " + p.family;
            x.given = initials(full.find_first_not_of(' ') == std::string::npos ? p.nickname : full);
            if (x.given.empty() && p.is_professional()) x.given = p.function;
        }
        if (!p.is_professional()) x.organisation.clear();
        x.birth = year_only(p.birth);
        x.death = year_only(p.death);
        x.notes.clear();
        x.risk_note.clear();
        out.put(std::move(x));
    }
    for (const auto& [id, r] : c.relations()) {
        Relation x = r;
        x.note.clear();
        x.start = year_only(r.start);
        x.end = year_only(r.end);
        out.put(std::move(x));
    }
    // Keep the id counters so ids in the copy match the original.
    while (out.next_person_counter() < c.next_person_counter()) (void)out.new_person_id();
    while (out.next_relation_counter() < c.next_relation_counter()) (void)out.new_relation_id();
    while (out.next_household_counter() < c.next_household_counter()) (void)out.new_household_id();
    return out;
}

}  // namespace kring
