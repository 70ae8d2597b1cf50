// GEDCOM 5.5.1 (UTF-8) export of the family part of a case.
#include "core/export.hpp"

#include "core/enums.hpp"
#include "core/import_gedcom.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kring {

namespace {

std::string fill_n(std::string_view pattern, int n) {
    std::string s(pattern);
    if (auto p = s.find("{n}"); p != std::string::npos) s.replace(p, 3, std::to_string(n));
    return s;
}

// Appends "LEVEL TAG value" with CONT for line breaks and CONC for long lines.
void put(std::string& o, int level, std::string_view tag, std::string_view value = {}) {
    constexpr std::size_t kMax = 200;
    bool first = true;
    std::size_t pos = 0;
    do {
        std::size_t nl = value.find('\n', pos);
        std::string_view line = value.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        bool first_piece = true;
        do {
            std::size_t cut = line.size();
            if (cut > kMax) {
                cut = kMax;
                while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
                while (cut > 1 && (line[cut] == ' ' || line[cut - 1] == ' ')) --cut;  // keep spaces inside a piece
                if (cut == 0) cut = kMax;
            }
            std::string_view piece = line.substr(0, cut);
            line.remove_prefix(cut);
            o += std::to_string(first ? level : level + 1);
            o += ' ';
            o += first ? tag : (first_piece ? "CONT" : "CONC");
            if (!piece.empty()) {
                o += ' ';
                o += piece;
            }
            o += '\n';
            first = false;
            first_piece = false;
        } while (!line.empty());
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    } while (true);
}

std::string clean_name(std::string s) {
    std::replace(s.begin(), s.end(), '/', ' ');
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

const char* frel_word(ParentKind k) {
    switch (k) {
    case ParentKind::Biological: return "Natural";
    case ParentKind::Adopted: return "Adopted";
    case ParentKind::Foster: return "Foster";
    case ParentKind::Step: return "Stepchild";
    case ParentKind::Unknown: return "Unknown";
    }
    return "Unknown";
}

// The date as GEDCOM should say it: the importer's word-for-word line in the notes
// ("Geboren: BET 1899 AND 1905") when it still describes this date, else the date itself.
std::string date_value(const PartialDate& d, const std::string& notes, std::string_view label_key) {
    for (Lang l : {Lang::Nl, Lang::En}) {
        const std::string label = std::string(tr("import." + std::string(label_key), l)) + ": ";
        for (std::size_t p = 0; p < notes.size();) {
            std::size_t e = notes.find('\n', p);
            if (e == std::string::npos) e = notes.size();
            std::string_view line(notes.data() + p, e - p);
            if (line.starts_with(label)) {
                std::string_view original = line.substr(label.size());
                if (parse_gedcom_date(original).date == d) return std::string(original);
            }
            p = e + 1;
        }
    }
    return format_gedcom_date(d);
}

struct Family {
    PersonId husb, wife;
    const Relation* partner = nullptr;
    bool no_partner = false;
    std::vector<PersonId> children;
    std::map<PersonId, std::pair<ParentKind, ParentKind>> kinds;  // child -> (husb, wife)
};

}  // namespace

std::string export_gedcom(const Case& c, const ExportOptions& opt, std::vector<std::string>* warnings) {
    // Who is in the family part.
    std::set<PersonId> tied;
    for (const auto& [id, r] : c.relations())
        if (is_family_tie(r.kind)) {
            tied.insert(r.a);
            tied.insert(r.b);
        }
    std::set<PersonId> in;
    int outside = 0, entries = 0;
    for (const auto& [id, p] : c.persons()) {
        if (p.kind != EntryKind::Person) {
            ++entries;
            continue;
        }
        const bool family = p.category == Category::Household || p.category == Category::Family ||
                            p.category == Category::Relative;
        if (!p.is_professional() && (family || tied.contains(id)))
            in.insert(id);
        else
            ++outside;
    }
    int other_relations = 0;
    for (const auto& [id, r] : c.relations()) {
        if (!in.contains(r.a) || !in.contains(r.b)) continue;
        if (!is_family_tie(r.kind) || (r.kind == RelationKind::Twin && r.identical)) ++other_relations;
    }
    if (warnings) {
        if (outside) warnings->push_back(fill_n(tr("export.skipped_persons", opt.lang), outside));
        if (entries) warnings->push_back(fill_n(tr("export.skipped_entries", opt.lang), entries));
        if (other_relations) warnings->push_back(fill_n(tr("export.skipped_relations", opt.lang), other_relations));
    }

    // Families: one per partnership, then the children placed with a pair of their parents.
    std::vector<Family> fams;
    std::map<std::pair<PersonId, PersonId>, std::size_t> by_pair;
    std::map<PersonId, std::size_t> single;
    auto pair_key = [](PersonId x, PersonId y) { return x < y ? std::make_pair(x, y) : std::make_pair(y, x); };
    auto new_family = [&](PersonId a, PersonId b) {
        Family f;
        const Person* pa = c.person(a);
        const Person* pb = b ? c.person(b) : nullptr;
        const bool swap = (pa && pa->sex == Sex::Female) || (pb && pb->sex == Sex::Male);
        const bool keep = (pa && pa->sex == Sex::Male) || (pb && pb->sex == Sex::Female);
        if (swap && !keep) {
            f.husb = b;
            f.wife = a;
        } else {
            f.husb = a;
            f.wife = b;
        }
        if (!b && pa && pa->sex == Sex::Female) {
            f.husb = PersonId();
            f.wife = a;
        }
        fams.push_back(std::move(f));
        return fams.size() - 1;
    };
    for (const auto& [id, r] : c.relations()) {
        if (r.kind != RelationKind::Partner || !in.contains(r.a) || !in.contains(r.b) || r.a == r.b) continue;
        std::size_t i = new_family(r.a, r.b);
        fams[i].partner = &r;
        by_pair.emplace(pair_key(r.a, r.b), i);
    }
    std::map<PersonId, std::vector<std::pair<PersonId, ParentKind>>> parents;
    for (const auto& [id, r] : c.relations())
        if (r.kind == RelationKind::ParentChild && in.contains(r.a) && in.contains(r.b) && r.a != r.b)
            parents[r.b].emplace_back(r.a, r.parent);
    auto add_child = [&](std::size_t fi, PersonId child, const std::map<PersonId, ParentKind>& kind_of) {
        Family& f = fams[fi];
        f.children.push_back(child);
        auto k = [&](PersonId p) {
            auto it = kind_of.find(p);
            return it == kind_of.end() ? ParentKind::Biological : it->second;
        };
        f.kinds[child] = {f.husb ? k(f.husb) : ParentKind::Biological, f.wife ? k(f.wife) : ParentKind::Biological};
    };
    for (auto& [child, list] : parents) {
        std::map<PersonId, ParentKind> kind_of(list.begin(), list.end());
        std::vector<PersonId> left;
        for (const auto& [p, k] : list) left.push_back(p);
        while (!left.empty()) {
            bool placed = false;
            for (std::size_t i = 0; i < left.size() && !placed; ++i)
                for (std::size_t j = i + 1; j < left.size() && !placed; ++j) {
                    auto it = by_pair.find(pair_key(left[i], left[j]));
                    if (it == by_pair.end()) continue;
                    add_child(it->second, child, kind_of);
                    left.erase(left.begin() + static_cast<std::ptrdiff_t>(j));
                    left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
                    placed = true;
                }
            if (placed) continue;
            if (left.size() >= 2) {
                std::size_t fi = new_family(left[0], left[1]);
                fams[fi].no_partner = true;
                by_pair.emplace(pair_key(left[0], left[1]), fi);
                add_child(fi, child, kind_of);
                left.erase(left.begin(), left.begin() + 2);
                continue;
            }
            auto it = single.find(left[0]);
            if (it == single.end()) it = single.emplace(left[0], new_family(left[0], PersonId())).first;
            add_child(it->second, child, kind_of);
            left.clear();
        }
    }
    std::map<PersonId, std::vector<std::size_t>> fams_of, famc_of;
    for (std::size_t i = 0; i < fams.size(); ++i) {
        if (fams[i].husb) fams_of[fams[i].husb].push_back(i);
        if (fams[i].wife) fams_of[fams[i].wife].push_back(i);
        for (PersonId ch : fams[i].children) famc_of[ch].push_back(i);
    }
    auto xref = [](PersonId p) { return "@I" + std::to_string(p.value()) + "@"; };
    auto fxref = [](std::size_t i) { return "@F" + std::to_string(i + 1) + "@"; };

    std::string o;
    o.reserve(in.size() * 160 + fams.size() * 100 + 512);
    put(o, 0, "HEAD");
    put(o, 1, "SOUR", "KRING");
    put(o, 2, "VERS", "0.1.0");
    put(o, 2, "NAME", "kring");
    put(o, 1, "DATE", format_gedcom_date(today()));
    put(o, 1, "SUBM", "@SUBM@");
    put(o, 1, "GEDC");
    put(o, 2, "VERS", "5.5.1");
    put(o, 2, "FORM", "LINEAGE-LINKED");
    put(o, 1, "CHAR", "UTF-8");
    if (!c.info.name.empty()) put(o, 1, "NOTE", c.info.name);
    o += "0 @SUBM@ SUBM\n";
    put(o, 1, "NAME", c.info.worker.empty() ? std::string("kring") : clean_name(c.info.worker));
    for (PersonId id : in) {
        const Person& p = *c.person(id);
        o += "0 " + xref(id) + " INDI\n";
        const std::string given = clean_name(p.given), family = clean_name(p.family);
        put(o, 1, "NAME", given + (given.empty() ? "" : " ") + "/" + family + "/");
        if (!given.empty()) put(o, 2, "GIVN", given);
        if (!family.empty()) put(o, 2, "SURN", family);
        if (!p.nickname.empty()) put(o, 2, "NICK", clean_name(p.nickname));
        put(o, 1, "SEX", p.sex == Sex::Male ? "M" : p.sex == Sex::Female ? "F" : "U");
        if (!p.birth.empty()) {
            put(o, 1, "BIRT");
            put(o, 2, "DATE", date_value(p.birth, p.notes, "born"));
        }
        if (p.deceased || !p.death.empty()) {
            if (p.death.empty()) {
                put(o, 1, "DEAT", "Y");
            } else {
                put(o, 1, "DEAT");
                put(o, 2, "DATE", date_value(p.death, p.notes, "died"));
            }
        }
        for (std::size_t fi : famc_of[id]) {
            put(o, 1, "FAMC", fxref(fi));
            auto [hk, wk] = fams[fi].kinds[id];
            if (hk == wk && (hk == ParentKind::Adopted || hk == ParentKind::Foster))
                put(o, 2, "PEDI", hk == ParentKind::Adopted ? "adopted" : "foster");
        }
        for (std::size_t fi : fams_of[id]) put(o, 1, "FAMS", fxref(fi));
        if (opt.include_notes && !p.notes.empty()) put(o, 1, "NOTE", p.notes);
    }
    for (std::size_t i = 0; i < fams.size(); ++i) {
        const Family& f = fams[i];
        o += "0 " + fxref(i) + " FAM\n";
        if (f.husb) put(o, 1, "HUSB", xref(f.husb));
        if (f.wife) put(o, 1, "WIFE", xref(f.wife));
        if (f.no_partner) put(o, 1, "_KRING_NOPARTNER", "Y");
        if (const Relation* r = f.partner) {
            const PartnerStatus s = r->partner;
            const bool married = s == PartnerStatus::Married || s == PartnerStatus::Divorced ||
                                 s == PartnerStatus::Separated || s == PartnerStatus::Widowed;
            bool start_written = false, end_written = false;
            if (married) {
                put(o, 1, "MARR", r->start.empty() ? "Y" : "");
                if (!r->start.empty()) put(o, 2, "DATE", date_value(r->start, r->note, "married"));
                start_written = true;
            } else if (s == PartnerStatus::Engaged) {
                put(o, 1, "ENGA", r->start.empty() ? "Y" : "");
                if (!r->start.empty()) put(o, 2, "DATE", date_value(r->start, r->note, "engaged"));
                start_written = true;
            }
            if (s == PartnerStatus::Divorced) {
                put(o, 1, "DIV", r->end.empty() ? "Y" : "");
                if (!r->end.empty()) put(o, 2, "DATE", date_value(r->end, r->note, "divorced"));
                end_written = true;
            }
            if (s != PartnerStatus::Married && s != PartnerStatus::Divorced && s != PartnerStatus::Engaged)
                put(o, 1, "_KRING_STATUS", to_string(s));
            if (!start_written && !r->start.empty()) put(o, 1, "_KRING_START", r->start.str());
            if (!end_written && !r->end.empty()) put(o, 1, "_KRING_END", r->end.str());
            if (r->consanguineous) put(o, 1, "_KRING_CONSANG", "Y");
            if (opt.include_notes && !r->note.empty()) put(o, 1, "NOTE", r->note);
        }
        for (PersonId ch : f.children) {
            put(o, 1, "CHIL", xref(ch));
            auto [hk, wk] = f.kinds.at(ch);
            if (hk != ParentKind::Biological || wk != ParentKind::Biological) {
                if (f.husb) put(o, 2, "_FREL", frel_word(hk));
                if (f.wife) put(o, 2, "_MREL", frel_word(wk));
            }
        }
    }
    o += "0 TRLR\n";
    return o;
}

}  // namespace kring
